import { describe, expect, it } from "vitest";
import { findDemoSeedRefusal } from "@/lib/demo/seed-guard";
import { db } from "@/lib/db";
import { createTestUser, unique } from "@/test/factories";

describe("the demo seed's guard", () => {
  it("refuses to run in production at all", async () => {
    expect(await findDemoSeedRefusal({ NODE_ENV: "production" })).toMatch(/production/);
  });

  it("refuses a database that holds accounts other than the demo's, even with --reset", async () => {
    const someone = await db.user.create({
      data: { email: `${unique("jo.bloggs")}@northbridge.gov.uk`, name: "Jo Bloggs", role: "ADMIN" },
    });
    try {
      const refusal = await findDemoSeedRefusal({ NODE_ENV: "test" });
      expect(refusal).toMatch(/accounts that are not demo accounts/);
      expect(refusal).toContain("northbridge.gov.uk");
    } finally {
      await db.user.delete({ where: { id: someone.id } });
    }
  });

  it("lets it reseed a database whose only other accounts are test accounts under .example (the browser tests after the unit tests)", async () => {
    await createTestUser("ADMIN");
    expect(await findDemoSeedRefusal({ NODE_ENV: "test" })).toBeNull();
  });
});
