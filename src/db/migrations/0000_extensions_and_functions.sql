-- Extensions and helper functions the schema relies on. btree_gist and pgcrypto are trusted extensions on
-- PostgreSQL 13+, so a database owner without superuser can create them.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pgcrypto;
--> statement-breakpoint
-- Unguessable public identifiers (booking uids) generated in the database, 120 bits from the CSPRNG.
CREATE OR REPLACE FUNCTION generate_public_id() RETURNS text
LANGUAGE sql VOLATILE AS $$ SELECT encode(gen_random_bytes(15), 'hex') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
-- The tenant of the current request transaction, set with set_config(..., true) before SET LOCAL ROLE.
-- nullif turns an unset setting into NULL, which matches no row.
CREATE OR REPLACE FUNCTION app_org_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
-- The role every request transaction switches to. Roles are cluster-wide, so another database on the same
-- server may have created it already.
DO $$
BEGIN
  CREATE ROLE tuskhub_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT tuskhub_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR invalid_grant_operation THEN
  NULL;
END $$;
