import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript module without types
import { findStartupProblems } from "./start-checks.mjs";

const SECRET = "k7Qp2Xv9Lm4Rt8Wz1Yb6Nc3Hd5Fg0Js-aBcD";
const good = { NEXTAUTH_SECRET: SECRET, DATABASE_URL: "postgresql://app:pw@db:5432/scrutiny", NEXTAUTH_URL: "https://scrutiny.council.gov.uk" };

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
});
