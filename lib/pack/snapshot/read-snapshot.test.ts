// A stored snapshot is read by its schema version: a known one exactly as stored, anything else
// refused with the reason, on the pack page as on the downloads.
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { readSnapshot } from "@/lib/pack/snapshot/read-snapshot";
import { contentHash } from "@/lib/pack/snapshot/content-hash";
import { findPackView } from "@/lib/pack/delivery/find-pack";
import { sampleSnapshot } from "@/test/pack-fixtures";
import { createPack } from "@/test/pack-fixtures-db";
import { createTestUser, uniqueMonth } from "@/test/factories";

/** The value as stored: written as JSON and read back. */
const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** Takes one field out, as a writer that forgot it would have stored the snapshot ("sections.0.indicators.0.summary"). */
function drop(json: unknown, path: string): void {
  const keys = path.split(".");
  const last = keys.pop()!;
  const parent = keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], json) as Record<string, unknown>;
  delete parent[last];
}

describe("readSnapshot", () => {
  it("reads schema 2 and schema 1 snapshots, returning the stored object itself", () => {
    const two = stored({ ...sampleSnapshot("2019-07", 1), schema: 2 });
    const read = readSnapshot(two);
    expect(read).toEqual({ ok: true, snapshot: two });
    expect(read.ok && read.snapshot).toBe(two);
    const old = {
      ...two,
      schema: 1,
      sections: two.sections.map((s) => ({
        ...s,
        indicators: s.indicators.map((i) => ({ ...i, unsigned: undefined })),
      })),
    };
    expect(readSnapshot(stored(old)).ok).toBe(true);
  });

  it("reads schema 3, with actions on exceptions, and refuses an action missing its owner", () => {
    const action = {
      description: "Audit",
      ownerName: "Head of Safeguarding",
      dueDate: "2019-08-15",
      status: "OPEN",
      droppedReason: null,
      fromMonth: "2019-06",
    };
    const snap = stored({ ...sampleSnapshot("2019-07", 1), schema: 3 });
    Object.assign(snap.sections[0].indicators[0], { exception: true, exceptionSince: "2019-03", actions: [action] });
    Object.assign(snap.sections[0].indicators[1], { resolvedActions: [action] });
    expect(readSnapshot(snap)).toEqual({ ok: true, snapshot: snap });
    drop(snap, "sections.0.indicators.0.actions.0.ownerName");
    expect(readSnapshot(snap)).toMatchObject({
      ok: false,
      reason: stringMatching(/^its sections\.0\.indicators\.0\.actions\.0\.ownerName does not match snapshot schema 3/),
    });
  });

  it("reads schema 4 with DfE's comparators frozen in, and refuses them half-written", () => {
    const national = {
      measureCode: "CPP_rate",
      measureName: "Child Protection Plans rate per 10,000",
      england: { year: "2019", yearLabel: "at 31 March 2019", value: 44.5, symbol: null },
      region: { year: "2019", yearLabel: "at 31 March 2019", value: 50.2, symbol: null, name: "Yorkshire and the Humber" },
      neighbours: { year: "2019", yearLabel: "at 31 March 2019", mean: 61.83, count: 10, of: 10 },
      own: null,
    };
    const base = sampleSnapshot("2019-07", 1);
    const four = stored({
      ...base,
      schema: 4,
      sections: base.sections.map((s) => ({ ...s, indicators: s.indicators.map((i) => ({ ...i, national })) })),
    });
    expect(readSnapshot(four)).toEqual({ ok: true, snapshot: four });
    drop(four, "sections.0.indicators.0.national.england");
    expect(readSnapshot(four)).toMatchObject({
      ok: false,
      reason: stringMatching(/^its sections\.0\.indicators\.0\.national\.england does not match snapshot schema 4/),
    });
  });

  it("reads schema 5 with a computed figure's provenance, and refuses one without its file's hash", () => {
    const provenance = {
      kind: "annex-a",
      asAt: "2019-07-31",
      coversFrom: "2018-07-01",
      fileSha256: "c0".repeat(32),
      rulesVersion: "2026-12.1",
      numerator: 244,
      denominator: 351,
      words: "244 of 351 assessments",
      rule: "The rule.",
      computedAt: "2019-08-02T09:00:00.000Z",
    };
    const base = sampleSnapshot("2019-07", 1);
    const five = stored({
      ...base,
      schema: 5,
      sections: base.sections.map((s) => ({
        ...s,
        indicators: s.indicators.map((i, n) => ({ ...i, provenance: n === 0 ? provenance : null })),
      })),
    });
    expect(readSnapshot(five)).toEqual({ ok: true, snapshot: five });
    drop(five, "sections.0.indicators.0.provenance.fileSha256");
    expect(readSnapshot(five)).toMatchObject({
      ok: false,
      reason: stringMatching(/^its sections\.0\.indicators\.0\.provenance\.fileSha256 does not match snapshot schema 5/),
    });
  });

  it("reads schema 6 with the panel's recommendations frozen in, and refuses one missing its status", () => {
    const recommendation = {
      number: 1,
      meetingDate: "2019-06-20",
      text: "Review the front door's staffing",
      addressedTo: "Cabinet Member for Children's Services",
      responseDue: "2019-08-20",
      status: "ACCEPTED",
      response: { reasons: "Agreed.", at: "2019-07-01T09:00:00.000Z", byName: "Dana Director" },
      actions: [{ description: "Recruit", ownerName: "Head of the front door", dueDate: "2019-09-30" }],
      latestUpdate: null,
      closed: null,
      indicators: [{ code: "CONTACTS", name: "Contacts" }],
      sections: [{ slug: "demand", name: "Demand" }],
    };
    const six = stored({ ...sampleSnapshot("2019-07", 1), schema: 6, recommendations: [recommendation] });
    expect(readSnapshot(six)).toEqual({ ok: true, snapshot: six });
    // Schema 7 has the same shape (comparators frozen by one rule, charts drawn with it).
    const seven = stored({ ...sampleSnapshot("2019-07", 1), schema: 7, recommendations: [recommendation] });
    expect(readSnapshot(seven)).toEqual({ ok: true, snapshot: seven });
    drop(six, "recommendations.0.status");
    expect(readSnapshot(six)).toMatchObject({
      ok: false,
      reason: stringMatching(/^its recommendations\.0\.status does not match snapshot schema 6/),
    });
  });

  it("refuses a schema it does not know, and a snapshot missing what its schema promises, saying which", () => {
    const one = stored(sampleSnapshot("2019-07", 1));
    expect(readSnapshot({ ...one, schema: 8 })).toEqual({
      ok: false,
      reason: "it was stored as snapshot schema 8, and this version of Scrutiny Pack reads schemas 1, 2, 3, 4, 5, 6 and 7",
    });
    expect(readSnapshot(null)).toMatchObject({ ok: false, reason: stringMatching(/schema null/) });
    drop(one, "sections.0.indicators.0.summary");
    expect(readSnapshot(one)).toMatchObject({
      ok: false,
      reason: stringMatching(/^its sections\.0\.indicators\.0\.summary does not match snapshot schema 1 \(/),
    });
  });

  it("keeps an unreadable pack from every reader, with the reason for staff", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    const future = { ...sampleSnapshot(month, 1), schema: 9 };
    await db.packVersion.update({
      where: { id: ids[0] },
      data: { snapshot: future, contentHash: contentHash(future) },
    });
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    expect(await findPackView(director, month)).toMatchObject({
      kind: "tampered",
      version: 1,
      unreadable: stringMatching(/snapshot schema 9/),
    });
  });
});
