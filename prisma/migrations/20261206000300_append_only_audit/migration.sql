-- The audit trail is append-only, and each event is chained to the one before it.
--
-- hash is HMAC-SHA256, under a key that is never in the database (lib/integrity/keys.ts), of the
-- previous chained event's hash and this event's content (lib/audit/audit-chain.ts); hashKeyId names
-- the key. lib/audit/record.ts computes it inside the writing transaction, holding an advisory lock,
-- so two events written at once never link to the same predecessor. Events from before this
-- migration have neither: `npm run audit:verify` counts them as before the chain.
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT,
ADD COLUMN "hashKeyId" TEXT;

-- No role, the owner's included, may change or remove an event: UPDATE, DELETE and TRUNCATE are
-- refused here, whatever the grants (an operator's DATABASE_URL may well be the owner). The embedded
-- database's app role also has no UPDATE, DELETE or TRUNCATE privilege on the table
-- (scripts/db-runtime.mjs). Replacing the whole database on purpose (the demo seed's --reset, a
-- restore with --force) disables the trigger for that one transaction, which only the table's owner
-- or a superuser can do, and which the chain then shows.
CREATE FUNCTION "scrutiny_audit_append_only"() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % on "AuditEvent" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "scrutiny_audit_append_only"();

CREATE TRIGGER "AuditEvent_append_only_truncate"
BEFORE TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "scrutiny_audit_append_only"();
