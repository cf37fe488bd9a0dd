-- No double booking: two live (pending or confirmed) bookings of one host may not overlap. This is the
-- final word on concurrency; the application's own checks only give friendlier answers sooner.
ALTER TABLE meeting_bookings ADD CONSTRAINT meeting_bookings_no_overlap
  EXCLUDE USING gist (host_user_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
  WHERE (status IN ('pending', 'confirmed'));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'organizations', 'users', 'meeting_types', 'meeting_availability', 'meeting_bookings', 'meeting_documents',
    'meeting_workflows', 'meeting_reminders', 'meeting_calendar_integrations', 'meeting_video_links',
    'meeting_payment_transactions', 'meeting_team_availability', 'meeting_organization_settings',
    'meeting_workflow_templates'
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_updated_at()',
      t || '_set_updated_at', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Row level security: every tenant table is enabled and FORCED, so even the table owner is filtered.
-- Only roles with BYPASSRLS (the migrating superuser, used for system work) see across tenants.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'meeting_types', 'meeting_availability', 'meeting_bookings', 'meeting_documents', 'meeting_workflows',
    'meeting_analytics', 'meeting_reminders', 'meeting_calendar_integrations', 'meeting_video_links',
    'meeting_payment_transactions', 'meeting_team_availability', 'meeting_organization_settings',
    'email_outbox', 'memberships'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO tuskhub_app', t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE meeting_workflow_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_workflow_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Built-in templates (org_id NULL) are readable by everyone; an organization writes only its own.
CREATE POLICY tenant_isolation ON meeting_workflow_templates
  USING (org_id IS NULL OR org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON meeting_workflow_templates TO tuskhub_app;
--> statement-breakpoint
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organizations USING (id = app_org_id()) WITH CHECK (id = app_org_id());
--> statement-breakpoint
GRANT SELECT, UPDATE (name) ON organizations TO tuskhub_app;
--> statement-breakpoint
-- A tenant sees the people of its own organization, and only their public columns: password hashes and
-- TOTP secrets are not granted to the app role at all.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_members ON users
  USING (id IN (SELECT m.user_id FROM memberships m WHERE m.org_id = app_org_id()));
--> statement-breakpoint
GRANT SELECT (id, email, name, username, time_zone, created_at) ON users TO tuskhub_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tuskhub_app;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tuskhub_app;
