-- Used recovery codes are kept (as hashes) so that a second use is recognised and audited.
-- Existing TOTP secrets (plain base32) and unsalted recovery-code hashes are sealed and salted by the
-- application at start (lib/users/second-factor-reseal.ts): SQL has neither the key nor scrypt.
ALTER TABLE "User" ADD COLUMN "totpUsedRecoveryHashes" TEXT[] DEFAULT ARRAY[]::TEXT[];
