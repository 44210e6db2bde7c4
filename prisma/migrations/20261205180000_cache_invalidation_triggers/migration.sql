-- Tells every app server's caches (lib/cache/invalidation.ts) that a session or an account changed:
-- NOTIFY on channel scrutiny_cache with the payload '<kind>:<id>', where the trigger names the kind.
-- PostgreSQL delivers a notification only when the transaction commits (never for one rolled back),
-- and folds repeats of one payload within a transaction into one.
-- Created by the role that applies migrations (the tables' owner); the app's role only fires them.
-- The function runs with the rights of whoever changed the row, and pg_notify is open to every role.
-- Every UPDATE notifies, not only changes to the columns a cache keeps: a list of columns here would
-- go stale silently the day a cache keeps one more.
CREATE FUNCTION "scrutiny_cache_notify"() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
  PERFORM pg_catalog.pg_notify('scrutiny_cache', TG_ARGV[0] || ':' || OLD."id"::text);
  RETURN NULL;
END
$$;

-- Ending a session (sign-out, a password change ending the others) or deleting it.
CREATE TRIGGER "UserSession_cache_notify"
AFTER UPDATE OR DELETE ON "UserSession"
FOR EACH ROW EXECUTE FUNCTION "scrutiny_cache_notify"('session');

-- A role change, deactivation, password reset (sessionsValidFrom), second factor, or deletion.
CREATE TRIGGER "User_cache_notify"
AFTER UPDATE OR DELETE ON "User"
FOR EACH ROW EXECUTE FUNCTION "scrutiny_cache_notify"('user');
