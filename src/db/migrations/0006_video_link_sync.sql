ALTER TYPE "public"."calendar_provider" ADD VALUE 'zoom';--> statement-breakpoint
DROP INDEX "meeting_calendar_integrations_user_idx";--> statement-breakpoint
ALTER TABLE "meeting_video_links" ADD COLUMN "synced_start_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_video_links" ADD COLUMN "work_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_video_links" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_video_links" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_calendar_integrations_user_provider_key" ON "meeting_calendar_integrations" USING btree ("user_id","provider");--> statement-breakpoint
CREATE INDEX "meeting_video_links_work_due_idx" ON "meeting_video_links" USING btree ("work_due_at") WHERE work_due_at is not null;