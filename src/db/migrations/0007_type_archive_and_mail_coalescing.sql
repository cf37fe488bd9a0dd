ALTER TYPE "public"."outbox_status" ADD VALUE 'superseded';--> statement-breakpoint
ALTER TABLE "meeting_bookings" DROP CONSTRAINT "meeting_bookings_meeting_type_id_meeting_types_id_fk";
--> statement-breakpoint
DROP INDEX "meeting_types_host_slug_key";--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "coalesce_key" text;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD COLUMN "hour_cycle" text;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD CONSTRAINT "meeting_bookings_meeting_type_id_meeting_types_id_fk" FOREIGN KEY ("meeting_type_id") REFERENCES "public"."meeting_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_coalesce_idx" ON "email_outbox" USING btree ("coalesce_key","created_at") WHERE coalesce_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_types_host_slug_key" ON "meeting_types" USING btree ("host_user_id","slug") WHERE archived_at is null;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD CONSTRAINT "meeting_bookings_hour_cycle_check" CHECK ("meeting_bookings"."hour_cycle" is null or "meeting_bookings"."hour_cycle" in ('h12', 'h23'));