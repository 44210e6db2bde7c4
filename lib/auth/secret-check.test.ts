import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findSecretProblem, MIN_SECRET_LENGTH, SECRET_ADVICE } from "@/lib/auth/secret-check.mjs";
import { requireSessionSecret } from "@/lib/auth/options";

const GOOD = "q8Jm2vT0x9LwZ4rB7nC1sD6fH3kP5yAe";

describe("findSecretProblem", () => {
  it("refuses a missing, blank, short, example or one-character secret", () => {
    expect(findSecretProblem(undefined)).toBe("missing");
    expect(findSecretProblem(null)).toBe("missing");
    expect(findSecretProblem("   ")).toBe("missing");
    expect(findSecretProblem("x")).toBe("known");
    expect(findSecretProblem("Secret")).toBe("known");
    expect(findSecretProblem("replace-me-with-a-long-random-string")).toBe("known");
    expect(findSecretProblem(GOOD.slice(0, MIN_SECRET_LENGTH - 1))).toBe("too-short");
    expect(findSecretProblem("a".repeat(64))).toBe("one-character");
  });

  it("accepts a long random secret", () => {
    expect(findSecretProblem(GOOD)).toBeNull();
    expect(findSecretProblem("test-secret-for-the-browser-tests-only-0123456789")).toBeNull();
  });
});

describe("requireSessionSecret (the running app)", () => {
  it("throws a clear error in production without a proper secret", () => {
    for (const secret of [undefined, "", "x", "short-secret"]) {
      expect(() => requireSessionSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: secret })).toThrow(SECRET_ADVICE);
    }
  });

  it("gives the secret in production when it is proper, and never blocks a build or development", () => {
    expect(requireSessionSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: GOOD })).toBe(GOOD);
    expect(requireSessionSecret({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toBeUndefined();
    expect(requireSessionSecret({ NODE_ENV: "development", NEXTAUTH_SECRET: "x" })).toBe("x");
  });
});

describe("npm start", () => {
  const start = (secret: string | undefined) => {
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
    };
    if (secret !== undefined) env.NEXTAUTH_SECRET = secret;
    return spawnSync(process.execPath, [path.join(import.meta.dirname, "..", "..", "scripts", "start.mjs")], {
      env,
      encoding: "utf8",
      timeout: 20_000,
    });
  };

  it("refuses to start with a missing or weak secret, before touching the database", () => {
    for (const secret of [undefined, "changeme", "too-short"]) {
      const r = start(secret);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(SECRET_ADVICE);
    }
  });

  it("gets past the secret check with a proper one (then stops at the unreachable database)", () => {
    const r = start(GOOD);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain("NEXTAUTH_SECRET");
  });
});
