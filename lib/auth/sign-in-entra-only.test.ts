// Issue 25, item 2: an account linked to Entra ID signs in through Microsoft only (so Entra's
// disabling, app roles, MFA and conditional access apply), unless an administrator deliberately
// allows its password again; and only tokens from the configured tenant are accepted.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { entraConfig, findOrLinkEntraUser } from "@/lib/auth/entra";
import { findEntraTenantProblem } from "@/lib/auth/entra-tenant.mjs";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { setLocalSignInAllowed } from "@/lib/users/allow-local-sign-in";
import { findStartupProblems } from "@/scripts/start-checks.mjs";
import { createTestUser } from "@/test/factories";
import { objectContaining } from "@/test/matchers";
import { NON_ADMIN_ROLES, adminActor, auditOf, versionOf } from "@/test/user-fixtures";

const PASSWORD = "a-long-test-password";
const TENANT = "0f0e0d0c-0b0a-4908-8706-050403020100";
const token = (oid: string, email: string, tid: unknown = TENANT) => ({
  oid,
  email,
  tid,
  name: "Entra Person",
  roles: ["Scrutiny.ServiceLead"],
});

async function linkedLocalAccount() {
  const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
  expect((await authenticate(u.email, PASSWORD)).ok).toBe(true);
  expect(await findOrLinkEntraUser(token(randomUUID(), u.email), TENANT)).toMatchObject({ ok: true });
  return u;
}

describe("local sign-in of an account linked to Entra ID", () => {
  it("is refused once linked, with the right password only, in words that point to Microsoft", async () => {
    const u = await linkedLocalAccount();
    expect(await authenticate(u.email, PASSWORD)).toEqual({ ok: false, reason: "ENTRA_ONLY" });
    // A wrong password learns nothing about the link.
    expect(await authenticate(u.email, "wrong-password")).toEqual({ ok: false, reason: "INVALID" });
    expect(signInErrorMessage("ENTRA_ONLY")).toMatch(/signs in with Microsoft/);
    // The right password is not a guess: it does not count towards the lock.
    for (let i = 0; i < 6; i++) expect(await authenticate(u.email, PASSWORD)).toEqual({ ok: false, reason: "ENTRA_ONLY" });
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ lockedUntil: null, failedSignIns: 0 });
  });

  it("works again only after an administrator allows it (audited, compare-and-set), and stops when refused again", async () => {
    const admin = await adminActor();
    const u = await linkedLocalAccount();
    const stale = await versionOf(u.id);
    await setLocalSignInAllowed(admin, stale, true);
    expect((await authenticate(u.email, PASSWORD)).ok).toBe(true);
    await expect(setLocalSignInAllowed(admin, stale, false)).rejects.toMatchObject({ code: "CONFLICT" });
    await setLocalSignInAllowed(admin, await versionOf(u.id), false);
    expect(await authenticate(u.email, PASSWORD)).toEqual({ ok: false, reason: "ENTRA_ONLY" });
    const events = (await auditOf(u.id)).filter((e) => e.action.startsWith("user.localSignIn"));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["user.localSignInAllowed", admin.id],
      ["user.localSignInRefused", admin.id],
    ]);
    expect(events[0]).toMatchObject({
      before: objectContaining({ localSignInAllowed: false }),
      after: objectContaining({ localSignInAllowed: true }),
    });
  });

  it("may be allowed by administrators only, and only for a linked account with a password", async () => {
    const u = await linkedLocalAccount();
    for (const role of NON_ADMIN_ROLES) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(setLocalSignInAllowed(actor, await versionOf(u.id), true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = await adminActor();
    const local = await createTestUser("DIRECTOR", { password: PASSWORD });
    await expect(setLocalSignInAllowed(admin, await versionOf(local.id), true)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });
});

describe("the Entra tenant", () => {
  it("refuses a token from another tenant, or with none", async () => {
    const u = await createTestUser("SERVICE_LEAD");
    const elsewhere = "99999999-8888-4777-8666-555555555555";
    expect(await findOrLinkEntraUser(token(randomUUID(), u.email, elsewhere), TENANT)).toEqual({ ok: false, reason: "WRONG_TENANT" });
    expect(await findOrLinkEntraUser({ ...token(randomUUID(), u.email), tid: undefined }, TENANT)).toEqual({
      ok: false,
      reason: "WRONG_TENANT",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).externalId).toBeNull();
    expect(await findOrLinkEntraUser(token(randomUUID(), u.email, TENANT.toUpperCase()), TENANT)).toMatchObject({ ok: true });
  });

  it("refuses common, organizations, consumers and a domain name as the configured tenant, at start-up", () => {
    const env = (tenant: string) => ({ ENTRA_CLIENT_ID: "client", ENTRA_CLIENT_SECRET: "secret", ENTRA_TENANT_ID: tenant });
    for (const tenant of ["common", "organizations", "Consumers", "council.onmicrosoft.com"]) {
      expect(() => entraConfig(env(tenant)), tenant).toThrow(/ENTRA_TENANT_ID/);
      expect(findEntraTenantProblem(tenant), tenant).toMatch(/ENTRA_TENANT_ID/);
      expect(findStartupProblems({ ...env(tenant), NEXTAUTH_URL: "https://scrutiny.example" }).join("\n")).toMatch(/ENTRA_TENANT_ID/);
    }
    expect(entraConfig(env(TENANT))).toEqual({ clientId: "client", clientSecret: "secret", tenantId: TENANT });
    expect(entraConfig({})).toBeNull();
  });
});
