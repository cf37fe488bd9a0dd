DROP INDEX "meeting_bookings_host_start_idx";--> statement-breakpoint
CREATE INDEX "meeting_bookings_host_start_id_idx" ON "meeting_bookings" USING btree ("host_user_id","start_at","id");