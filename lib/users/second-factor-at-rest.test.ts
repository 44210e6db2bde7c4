// Two-step sign-in's secrets at rest (issue 25, item 5): the TOTP secret is sealed under a key from the
// environment, never in the database or a backup in the clear; recovery codes are salted hashes; a
// used recovery code given again is refused and audited; values from before (a plain secret, unsalted
// hashes) still work and are sealed at start; a rotated key still opens old values, which are then resealed.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { generateTotpSecret, totpCode, totpStep } from "@/lib/auth/totp";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-keys";
import { enableSecondFactor } from "@/lib/users/second-factor";
import { resealSecondFactors } from "@/lib/users/second-factor-reseal";
import { createTestUser } from "@/test/factories";

const PASSWORD = "a-long-test-password";
const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("base64");

async function withSecondFactor(now = new Date()) {
  const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
  const secret = generateTotpSecret();
  const { recoveryCodes } = await enableSecondFactor(
    u.sessionUser,
    { currentPassword: PASSWORD, secret, code: totpCode(secret, totpStep(now)) },
    now,
  );
  return { u, secret, recoveryCodes, row: () => db.user.findUniqueOrThrow({ where: { id: u.id } }) };
}

const codeAt = (secret: string, at: Date) => totpCode(secret, totpStep(at));
const later = (now: Date, steps: number) => new Date(now.getTime() + steps * 30_000);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// Only these two are changed and put back (unstubbing everything would also drop the run's NEXTAUTH_SECRET).
const saved = { SECOND_FACTOR_KEY: process.env.SECOND_FACTOR_KEY, SECOND_FACTOR_KEY_PREVIOUS: process.env.SECOND_FACTOR_KEY_PREVIOUS };
const setKey = (name: keyof typeof saved, value: string) => {
  process.env[name] = value;
};
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the second factor at rest", () => {
  it("stores the TOTP secret sealed, and recovery codes as salted hashes, neither in the clear", async () => {
    const { secret, recoveryCodes, row } = await withSecondFactor();
    const stored = await row();
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpSecret).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(openTotpSecret(stored.totpSecret!, stored.id).secret).toBe(secret);
    const text = stored.totpRecoveryHashes.join("\n");
    for (const code of recoveryCodes) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(sha256(code));
    }
    expect(stored.totpRecoveryHashes.every((h) => h.startsWith("s1$"))).toBe(true);
  });

  it("keeps the plain secret and the codes out of a backup", async () => {
    const { secret, recoveryCodes } = await withSecondFactor();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "second-factor-backup-"));
    try {
      // The test's database is built from the migrations' SQL, without Prisma's history table, which a backup records.
      await db.$executeRawUnsafe(
        `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
          migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
          applied_steps_count integer NOT NULL DEFAULT 0)`,
      );
      const out = path.join(dir, "backup.ndjson.gz");
      await promisify(execFile)(process.execPath, ["scripts/backup.mjs", "--out", out], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: process.env,
      });
      const backup = gunzipSync(fs.readFileSync(out)).toString("utf8");
      expect(backup).toContain('"totpSecret":"v1:');
      expect(backup).not.toContain(secret);
      for (const code of recoveryCodes) expect(backup).not.toContain(sha256(code));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses a used recovery code given again, and audits it", async () => {
    const now = new Date();
    const { u, recoveryCodes, row } = await withSecondFactor(now);
    expect((await authenticate(u.email, PASSWORD, now, null, recoveryCodes[2])).ok).toBe(true);
    expect(await authenticate(u.email, PASSWORD, now, null, recoveryCodes[2])).toEqual({ ok: false, reason: "SECOND_FACTOR_INVALID" });
    expect(await db.auditEvent.count({ where: { action: "user.recoveryCodeReused", entityId: u.id } })).toBe(1);
    // A code never issued is only a wrong code.
    expect(await authenticate(u.email, PASSWORD, now, null, "aaaa-bbbb-cccc")).toEqual({ ok: false, reason: "SECOND_FACTOR_INVALID" });
    expect(await db.auditEvent.count({ where: { action: "user.recoveryCodeReused", entityId: u.id } })).toBe(1);
    expect((await row()).totpRecoveryHashes).toHaveLength(9);
  });

  it("still signs in with a secret and codes stored before sealing, and seals them at start", async () => {
    const now = new Date();
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const secret = generateTotpSecret();
    const codes = ["k3m9-x2q7-p4td", "a2b3-c4d5-e6f7"];
    // As the code before sealing stored them: the base32 secret, and unsalted SHA-256 of each code.
    await db.user.update({
      where: { id: u.id },
      data: { totpSecret: secret, totpEnabledAt: now, totpRecoveryHashes: codes.map(sha256) },
    });
    expect((await authenticate(u.email, PASSWORD, later(now, 1), null, codeAt(secret, later(now, 1)))).ok).toBe(true);

    expect((await resealSecondFactors()).resealed).toBe(1);
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(stored.totpSecret).toMatch(/^v1:/);
    expect(stored.totpRecoveryHashes.join()).not.toContain(sha256(codes[0]));
    expect((await resealSecondFactors()).resealed).toBe(0);
    expect((await authenticate(u.email, PASSWORD, later(now, 2), null, codeAt(secret, later(now, 2)))).ok).toBe(true);
    expect((await authenticate(u.email, PASSWORD, now, null, codes[0].toUpperCase())).ok).toBe(true);
  });

  it("opens a secret sealed under the previous key, and seals it again under the new one", async () => {
    setKey("SECOND_FACTOR_KEY", KEY_A);
    const now = new Date();
    const { u, secret, row } = await withSecondFactor(now);
    const underA = (await row()).totpSecret!;

    setKey("SECOND_FACTOR_KEY", KEY_B);
    expect(() => openTotpSecret(underA, u.id)).toThrow(/not configured/);
    setKey("SECOND_FACTOR_KEY_PREVIOUS", KEY_A);
    expect(openTotpSecret(underA, u.id)).toEqual({ secret, current: false });
    expect((await authenticate(u.email, PASSWORD, later(now, 1), null, codeAt(secret, later(now, 1)))).ok).toBe(true);
    const underB = (await row()).totpSecret!;
    expect(underB.split(":")[1]).not.toBe(underA.split(":")[1]);

    setKey("SECOND_FACTOR_KEY_PREVIOUS", "");
    expect(openTotpSecret(underB, u.id)).toEqual({ secret, current: true });
  });

  it("moves from the key derived from NEXTAUTH_SECRET to SECOND_FACTOR_KEY with no other setting", async () => {
    setKey("SECOND_FACTOR_KEY", "");
    const { u, secret, row } = await withSecondFactor();
    setKey("SECOND_FACTOR_KEY", KEY_A);
    expect(openTotpSecret((await row()).totpSecret!, u.id)).toEqual({ secret, current: false });
    expect((await resealSecondFactors()).resealed).toBeGreaterThanOrEqual(1);
    expect(openTotpSecret((await row()).totpSecret!, u.id)).toEqual({ secret, current: true });
  });

  it("binds a sealed secret to its account: copied onto another, it does not open", () => {
    const sealed = sealTotpSecret(generateTotpSecret(), "00000000-0000-0000-0000-000000000001");
    expect(() => openTotpSecret(sealed, "00000000-0000-0000-0000-000000000002")).toThrow(/unable to authenticate/i);
  });
});
