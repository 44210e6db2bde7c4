// The demo seed wipes the database (--reset) and creates accounts with a published password, so it
// never runs in production, and never against a database holding anyone's real account. Addresses
// under the reserved .example domain (RFC 2606) are nobody's: the test suites make their accounts
// there, and the browser tests replace the database the unit tests have just used (e2e/global-setup.ts
// applies the same rule).
import "server-only";
import { db } from "@/lib/db";
import { DEMO_USERS } from "@/lib/demo/demo-data";

/** Why the demo seed must not run here, or null when it may. */
export async function findDemoSeedRefusal(env: Record<string, string | undefined> = process.env): Promise<string | null> {
  if (env.NODE_ENV === "production")
    return "The demo seed does not run in production (NODE_ENV=production): it creates accounts whose password is published.";
  const demoEmails = DEMO_USERS.map((u) => u.email);
  const real = { email: { notIn: demoEmails }, NOT: { email: { endsWith: ".example" } } };
  const others = await db.user.findMany({ where: real, select: { email: true }, orderBy: { email: "asc" }, take: 3 });
  if (!others.length) return null;
  const count = await db.user.count({ where: real });
  return `The database holds ${count} accounts that are not demo accounts (for example ${others.map((o) => o.email).join(", ")}), so the demo seed will not touch it. Use an empty database for the demo.`;
}
