CREATE TYPE "public"."locale" AS ENUM('en', 'de');--> statement-breakpoint
DROP INDEX "meeting_availability_user_key";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" "locale" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "onboarding" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_availability" ADD COLUMN "name" text DEFAULT 'Working hours' NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_availability" ADD COLUMN "is_default" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD COLUMN "host_note" text;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD COLUMN "reschedule_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD COLUMN "locale" "locale" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "color" text;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "redirect_url" text;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "redirect_with_details" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_schedule_id_meeting_availability_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."meeting_availability"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_availability_default_key" ON "meeting_availability" USING btree ("user_id") WHERE is_default;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_availability_user_name_key" ON "meeting_availability" USING btree ("user_id",lower("name"));--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_color_check" CHECK ("meeting_types"."color" is null or "meeting_types"."color" ~ '^#[0-9a-f]{6}$');--> statement-breakpoint
-- Hosts from before the first-run guide existed have long found their way: the guide starts finished for them.
UPDATE "users" SET "onboarding" = jsonb_build_object('finishedAt', now()) WHERE "onboarding" = '{}'::jsonb;
--> statement-breakpoint
-- Booking mail is written in tenant transactions and greets the host in their language.
GRANT SELECT ("locale") ON "users" TO tuskhub_app;
