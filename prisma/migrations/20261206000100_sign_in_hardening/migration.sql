-- Sign-in hardening (issue 25, items 2, 7 and 9).

-- Item 2: once an account is linked to Entra ID its local password is refused, unless an
-- administrator allows it again. Accounts linked before this start refused, like new links.
ALTER TABLE "User" ADD COLUMN "localSignInAllowed" BOOLEAN NOT NULL DEFAULT false;

-- Item 7: when the password was set. A password an administrator chose (mustChangePassword) expires
-- 72 hours after it. Passwords set before this count from now, so nobody is refused by the upgrade itself.
ALTER TABLE "User" ADD COLUMN "passwordSetAt" TIMESTAMP(3);
UPDATE "User" SET "passwordSetAt" = now() AT TIME ZONE 'UTC' WHERE "passwordHash" IS NOT NULL;

-- Stamped by the database whenever the hash is set or changed, so every way of setting a password
-- (adding a user, a reset, changing one's own, the create-admin command, the demo seed) is covered
-- by this one rule. now() is the transaction's start: the moment the change was made. In UTC, as
-- Prisma stores every DateTime, whatever the session's time zone.
CREATE FUNCTION "scrutiny_password_set_at"() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
  IF NEW."passwordHash" IS NULL THEN
    NEW."passwordSetAt" := NULL;
  ELSIF TG_OP = 'INSERT' THEN
    -- A restore (scripts/restore.mjs) brings the row's own time back; anything else is new now.
    NEW."passwordSetAt" := coalesce(NEW."passwordSetAt", now() AT TIME ZONE 'UTC');
  ELSIF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" THEN
    NEW."passwordSetAt" := now() AT TIME ZONE 'UTC';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "User_password_set_at"
BEFORE INSERT OR UPDATE OF "passwordHash" ON "User"
FOR EACH ROW EXECUTE FUNCTION "scrutiny_password_set_at"();

-- Item 9: refused attempts are counted per address and window, and expired windows are pruned.
ALTER TABLE "SignInThrottle" ADD COLUMN "refused" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "SignInThrottle_windowStart_idx" ON "SignInThrottle"("windowStart");
