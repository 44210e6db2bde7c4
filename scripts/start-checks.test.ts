import { describe, expect, it } from "vitest";
import { findActionKeyProblem, findStartupProblems, findStartupWarnings } from "./start-checks.mjs";

const SECRET = "k7Qp2Xv9Lm4Rt8Wz1Yb6Nc3Hd5Fg0Js-aBcD";
const good = {
  NEXTAUTH_SECRET: SECRET,
  DATABASE_URL: "postgresql://app:pw@db:5432/scrutiny",
  NEXTAUTH_URL: "https://scrutiny.council.gov.uk",
};

describe("npm start's production checks", () => {
  it("starts with a secret, a database and an https address", () => {
    expect(findStartupProblems(good)).toEqual([]);
  });

  it("refuses to fall back silently to the embedded database, unless asked for it", () => {
    const { DATABASE_URL: _u, ...noDb } = good;
    expect(findStartupProblems(noDb)).toEqual([expect.stringContaining("DATABASE_URL is not set")]);
    expect(findStartupProblems({ ...noDb, USE_EMBEDDED_DATABASE: "1" })).toEqual([]);
  });

  it("refuses a missing, malformed or plain-http NEXTAUTH_URL", () => {
    expect(findStartupProblems({ ...good, NEXTAUTH_URL: undefined })).toEqual([expect.stringContaining("NEXTAUTH_URL is not set")]);
    expect(findStartupProblems({ ...good, NEXTAUTH_URL: "scrutiny" })).toEqual([expect.stringContaining("not a valid URL")]);
    expect(findStartupProblems({ ...good, NEXTAUTH_URL: "http://scrutiny.council.gov.uk" })).toEqual([expect.stringContaining("https://")]);
  });

  it("still refuses a weak secret", () => {
    expect(findStartupProblems({ ...good, NEXTAUTH_SECRET: "secret" })).toEqual([expect.stringContaining("NEXTAUTH_SECRET")]);
  });

  it("refuses a malformed PDF_RENDERS_PER_PROCESS, naming it", () => {
    expect(findStartupProblems({ ...good, PDF_RENDERS_PER_PROCESS: "3" })).toEqual([]);
    expect(findStartupProblems({ ...good, PDF_RENDERS_PER_PROCESS: "lots" })).toEqual([
      expect.stringContaining("PDF_RENDERS_PER_PROCESS must be a whole number"),
    ]);
  });

  it("refuses a second-factor key (or a previous one) that is not base64 of 32 bytes, and starts without one", () => {
    const key = Buffer.alloc(32, 5).toString("base64");
    expect(findStartupProblems({ ...good, SECOND_FACTOR_KEY: key, SECOND_FACTOR_KEY_PREVIOUS: `${key},${key}` })).toEqual([]);
    expect(findStartupProblems({ ...good, SECOND_FACTOR_KEY: Buffer.alloc(16).toString("base64") })).toEqual([
      expect.stringContaining("SECOND_FACTOR_KEY must be base64 of a 32-byte key"),
    ]);
    expect(findStartupProblems({ ...good, SECOND_FACTOR_KEY_PREVIOUS: "not a key" })).toEqual([
      expect.stringContaining("SECOND_FACTOR_KEY_PREVIOUS must be base64"),
    ]);
  });

  it("refuses a server actions key that is not AES-sized base64, or not the one the build was made with", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(findStartupProblems({ ...good, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }, key)).toEqual([]);
    expect(findStartupProblems({ ...good, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }, null)).toEqual([]);
    expect(findActionKeyProblem("not a key", null)).toMatch(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of a 16, 24 or 32-byte key/);
    expect(findActionKeyProblem(Buffer.alloc(20).toString("base64"), null)).toMatch(/16, 24 or 32-byte/);
    expect(findStartupProblems({ ...good, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }, Buffer.alloc(32, 8).toString("base64"))).toEqual([
      expect.stringContaining("not the key this build was made with"),
    ]);
  });

  it("warns, and starts, when the server actions key is unset", () => {
    expect(findStartupProblems(good, Buffer.alloc(32, 8).toString("base64"))).toEqual([]);
    expect(findStartupWarnings(good)).toEqual([expect.stringContaining("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set")]);
    expect(findStartupWarnings({ ...good, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") })).toEqual([]);
  });
});
