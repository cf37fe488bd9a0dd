CREATE TYPE "public"."member_role" AS ENUM('owner', 'admin', 'member');--> statement-breakpoint
CREATE TYPE "public"."analytics_event" AS ENUM('page_view', 'slot_view', 'booking_created', 'booking_cancelled', 'booking_rescheduled', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('pending', 'confirmed', 'cancelled', 'declined');--> statement-breakpoint
CREATE TYPE "public"."calendar_provider" AS ENUM('google', 'microsoft', 'caldav', 'ics');--> statement-breakpoint
CREATE TYPE "public"."document_purpose" AS ENUM('read', 'sign');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('pending', 'sent', 'viewed', 'completed', 'declined');--> statement-breakpoint
CREATE TYPE "public"."integration_status" AS ENUM('active', 'needs_reauth', 'disconnected');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('quick', 'business');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed', 'dead');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('pending', 'succeeded', 'failed', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."reminder_status" AS ENUM('scheduled', 'sent', 'cancelled', 'skipped', 'failed');--> statement-breakpoint
CREATE TYPE "public"."scheduling_mode" AS ENUM('single', 'collective', 'round_robin');--> statement-breakpoint
CREATE TYPE "public"."video_link_status" AS ENUM('pending', 'ready', 'failed', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."video_provider" AS ENUM('jitsi', 'zoom', 'google_meet', 'teams');--> statement-breakpoint
CREATE TYPE "public"."workflow_industry" AS ENUM('general', 'legal', 'sales', 'real_estate', 'healthcare');--> statement-breakpoint
CREATE TYPE "public"."workflow_trigger" AS ENUM('booking_created', 'booking_confirmed', 'booking_cancelled', 'booking_rescheduled', 'before_meeting', 'after_meeting', 'document_completed');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"username" text NOT NULL,
	"time_zone" text NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret_sealed" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"totp_last_step" bigint,
	"default_org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_analytics" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_type_id" uuid,
	"booking_id" uuid,
	"event" "analytics_event" NOT NULL,
	"visitor_hash" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"weekly" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uid" text DEFAULT generate_public_id() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_type_id" uuid NOT NULL,
	"host_user_id" uuid NOT NULL,
	"status" "booking_status" DEFAULT 'confirmed' NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"invitee_name" text NOT NULL,
	"invitee_email" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text,
	"location" jsonb NOT NULL,
	"manage_token_hash" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text,
	"idempotency_fingerprint" text,
	"cancel_reason" text,
	"cancelled_by" text,
	"no_show" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_bookings_time_check" CHECK ("meeting_bookings"."end_at" > "meeting_bookings"."start_at")
);
--> statement-breakpoint
CREATE TABLE "meeting_calendar_integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" "calendar_provider" NOT NULL,
	"account_email" text,
	"credentials_sealed" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "integration_status" DEFAULT 'active' NOT NULL,
	"last_synced_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_type_id" uuid,
	"booking_id" uuid,
	"title" text NOT NULL,
	"purpose" "document_purpose" DEFAULT 'read' NOT NULL,
	"status" "document_status" DEFAULT 'pending' NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"viewed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_organization_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"default_time_zone" text DEFAULT 'UTC' NOT NULL,
	"require_totp" boolean DEFAULT false NOT NULL,
	"brand_color" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_payment_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"provider" text DEFAULT 'stripe' NOT NULL,
	"provider_payment_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "payment_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_payment_transactions_amount_check" CHECK ("meeting_payment_transactions"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"offset_minutes" integer NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"status" "reminder_status" DEFAULT 'scheduled' NOT NULL,
	"sent_at" timestamp with time zone,
	"job_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_team_availability" (
	"org_id" uuid NOT NULL,
	"meeting_type_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"weight" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_team_availability_meeting_type_id_user_id_pk" PRIMARY KEY("meeting_type_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"host_user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "meeting_kind" DEFAULT 'quick' NOT NULL,
	"scheduling_mode" "scheduling_mode" DEFAULT 'single' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"slot_interval_minutes" integer,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"minimum_notice_minutes" integer DEFAULT 240 NOT NULL,
	"booking_window_days" integer DEFAULT 60 NOT NULL,
	"max_bookings_per_day" integer,
	"requires_confirmation" boolean DEFAULT false NOT NULL,
	"location" jsonb DEFAULT '{"type":"jitsi"}'::jsonb NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reminder_offsets_minutes" integer[] DEFAULT '{1440,60}'::integer[] NOT NULL,
	"price_cents" integer,
	"currency" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_secret" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_types_duration_check" CHECK ("meeting_types"."duration_minutes" between 5 and 720),
	CONSTRAINT "meeting_types_buffers_check" CHECK ("meeting_types"."buffer_before_minutes" between 0 and 720 and "meeting_types"."buffer_after_minutes" between 0 and 720),
	CONSTRAINT "meeting_types_interval_check" CHECK ("meeting_types"."slot_interval_minutes" is null or "meeting_types"."slot_interval_minutes" between 5 and 720),
	CONSTRAINT "meeting_types_notice_check" CHECK ("meeting_types"."minimum_notice_minutes" >= 0),
	CONSTRAINT "meeting_types_window_check" CHECK ("meeting_types"."booking_window_days" between 1 and 730),
	CONSTRAINT "meeting_types_daily_limit_check" CHECK ("meeting_types"."max_bookings_per_day" is null or "meeting_types"."max_bookings_per_day" >= 1)
);
--> statement-breakpoint
CREATE TABLE "meeting_video_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"provider" "video_provider" NOT NULL,
	"status" "video_link_status" DEFAULT 'pending' NOT NULL,
	"url" text,
	"provider_meeting_id" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_workflow_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"industry" "workflow_industry" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_workflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"meeting_type_id" uuid,
	"template_id" uuid,
	"name" text NOT NULL,
	"trigger" "workflow_trigger" NOT NULL,
	"offset_minutes" integer DEFAULT 0 NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_default_org_id_organizations_id_fk" FOREIGN KEY ("default_org_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_booking_id_meeting_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_analytics" ADD CONSTRAINT "meeting_analytics_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_analytics" ADD CONSTRAINT "meeting_analytics_meeting_type_id_meeting_types_id_fk" FOREIGN KEY ("meeting_type_id") REFERENCES "public"."meeting_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_analytics" ADD CONSTRAINT "meeting_analytics_booking_id_meeting_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_availability" ADD CONSTRAINT "meeting_availability_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_availability" ADD CONSTRAINT "meeting_availability_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD CONSTRAINT "meeting_bookings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD CONSTRAINT "meeting_bookings_meeting_type_id_meeting_types_id_fk" FOREIGN KEY ("meeting_type_id") REFERENCES "public"."meeting_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD CONSTRAINT "meeting_bookings_host_user_id_users_id_fk" FOREIGN KEY ("host_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_calendar_integrations" ADD CONSTRAINT "meeting_calendar_integrations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_calendar_integrations" ADD CONSTRAINT "meeting_calendar_integrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_meeting_type_id_meeting_types_id_fk" FOREIGN KEY ("meeting_type_id") REFERENCES "public"."meeting_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_booking_id_meeting_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_organization_settings" ADD CONSTRAINT "meeting_organization_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_payment_transactions" ADD CONSTRAINT "meeting_payment_transactions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_payment_transactions" ADD CONSTRAINT "meeting_payment_transactions_booking_id_meeting_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_booking_id_meeting_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_team_availability" ADD CONSTRAINT "meeting_team_availability_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_team_availability" ADD CONSTRAINT "meeting_team_availability_meeting_type_id_meeting_types_id_fk" FOREIGN KEY ("meeting_type_id") REFERENCES "public"."meeting_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_team_availability" ADD CONSTRAINT "meeting_team_availability_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_host_user_id_users_id_fk" FOREIGN KEY ("host_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_video_links" ADD CONSTRAINT "meeting_video_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_video_links" ADD CONSTRAINT "meeting_video_links_booking_id_meeting_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_workflows" ADD CONSTRAINT "meeting_workflows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_workflows" ADD CONSTRAINT "meeting_workflows_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_workflows" ADD CONSTRAINT "meeting_workflows_meeting_type_id_meeting_types_id_fk" FOREIGN KEY ("meeting_type_id") REFERENCES "public"."meeting_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_workflows" ADD CONSTRAINT "meeting_workflows_template_id_meeting_workflow_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."meeting_workflow_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "email_outbox_org_created_idx" ON "email_outbox" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_status_idx" ON "email_outbox" USING btree ("status");--> statement-breakpoint
CREATE INDEX "meeting_analytics_org_time_idx" ON "meeting_analytics" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "meeting_analytics_type_time_idx" ON "meeting_analytics" USING btree ("meeting_type_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_availability_user_key" ON "meeting_availability" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_availability_org_idx" ON "meeting_availability" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_bookings_uid_key" ON "meeting_bookings" USING btree ("uid");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_bookings_idempotency_key" ON "meeting_bookings" USING btree ("meeting_type_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "meeting_bookings_host_start_idx" ON "meeting_bookings" USING btree ("host_user_id","start_at");--> statement-breakpoint
CREATE INDEX "meeting_bookings_org_status_start_idx" ON "meeting_bookings" USING btree ("org_id","status","start_at");--> statement-breakpoint
CREATE INDEX "meeting_bookings_type_idx" ON "meeting_bookings" USING btree ("meeting_type_id");--> statement-breakpoint
CREATE INDEX "meeting_calendar_integrations_user_idx" ON "meeting_calendar_integrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_calendar_integrations_org_idx" ON "meeting_calendar_integrations" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "meeting_documents_org_idx" ON "meeting_documents" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "meeting_documents_type_idx" ON "meeting_documents" USING btree ("meeting_type_id");--> statement-breakpoint
CREATE INDEX "meeting_documents_booking_idx" ON "meeting_documents" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_payment_transactions_provider_key" ON "meeting_payment_transactions" USING btree ("provider","provider_payment_id");--> statement-breakpoint
CREATE INDEX "meeting_payment_transactions_booking_idx" ON "meeting_payment_transactions" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_reminders_booking_offset_key" ON "meeting_reminders" USING btree ("booking_id","offset_minutes");--> statement-breakpoint
CREATE INDEX "meeting_reminders_due_idx" ON "meeting_reminders" USING btree ("status","scheduled_for");--> statement-breakpoint
CREATE INDEX "meeting_team_availability_user_idx" ON "meeting_team_availability" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_types_host_slug_key" ON "meeting_types" USING btree ("host_user_id","slug");--> statement-breakpoint
CREATE INDEX "meeting_types_org_idx" ON "meeting_types" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_video_links_booking_key" ON "meeting_video_links" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "meeting_video_links_org_idx" ON "meeting_video_links" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "meeting_workflow_templates_org_idx" ON "meeting_workflow_templates" USING btree ("org_id","industry");--> statement-breakpoint
CREATE INDEX "meeting_workflows_org_trigger_idx" ON "meeting_workflows" USING btree ("org_id","trigger");--> statement-breakpoint
CREATE INDEX "meeting_workflows_type_idx" ON "meeting_workflows" USING btree ("meeting_type_id");