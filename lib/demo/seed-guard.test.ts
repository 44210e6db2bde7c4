import { describe, expect, it } from "vitest";
import { findDemoSeedRefusal } from "@/lib/demo/seed-guard";
import { createTestUser } from "@/test/factories";

describe("the demo seed's guard", () => {
  it("refuses to run in production at all", async () => {
    expect(await findDemoSeedRefusal({ NODE_ENV: "production" })).toMatch(/production/);
  });

  it("refuses a database that holds accounts other than the demo's, even with --reset", async () => {
    const someone = await createTestUser("ADMIN");
    const refusal = await findDemoSeedRefusal({ NODE_ENV: "test" });
    expect(refusal).toMatch(/accounts that are not demo accounts/);
    expect(refusal).toContain(someone.email.split("@")[1]);
  });
});
