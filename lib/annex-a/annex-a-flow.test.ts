// The shared sample through the whole path on a real database: preview, the page's view of it,
// confirmation with provenance, a later change clearing it, a change made while the confirmation
// runs (forced with a row lock held from a second connection), and no child's data kept anywhere.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { objectContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { previewAnnexA } from "@/lib/annex-a/preview-annex-a";
import { confirmAnnexA } from "@/lib/annex-a/confirm-annex-a";
import { findAnnexAPreview } from "@/lib/annex-a/find-annex-a-preview";
import { readAnnexA } from "@/lib/annex-a/read-annex-a";
import { isoOf } from "@/lib/annex-a/calendar";
import { readProvenance } from "@/lib/annex-a/provenance";
import { FIGURE_RULES, ANNEX_A_RULES_VERSION } from "@/lib/annex-a/figure-rules";
import { applyValueChange } from "@/lib/values/apply-value-change";
import { previewImport } from "@/lib/import/preview-import";
import { confirmImport } from "@/lib/import/confirm-import";
import { createSection, createTestUser } from "@/test/factories";
import { csvFile } from "@/test/import-files";
import type { SessionUser } from "@/lib/auth/roles";

const SAMPLE = path.resolve(import.meta.dirname, "../../prisma/seed/data/annex-a");
const sampleBytes = () => new Uint8Array(fs.readFileSync(path.join(SAMPLE, "sample-2020-03.xlsx")));
const expected = JSON.parse(fs.readFileSync(path.join(SAMPLE, "sample-2020-03.expected.json"), "utf8")) as {
  figures: Record<string, number>;
};
const upload = (asAt: string) => ({ file: { bytes: sampleBytes(), fileName: "annex-a-march.xlsx" }, asAt, coversFrom: "2018-10-01" });

let admin: SessionUser;
const ids = new Map<string, string>();

beforeAll(async () => {
  admin = (await createTestUser("ADMIN")).sessionUser;
  const section = await createSection();
  for (const [i, rule] of FIGURE_RULES.entries()) {
    const [unit, decimals] =
      rule.kind === "percent" ? (["PERCENT", 1] as const) : rule.kind === "rate" ? (["RATE_PER_10K", 1] as const) : (["COUNT", 0] as const);
    const indicator = await db.indicator.create({
      data: {
        code: rule.code,
        name: `The ${rule.code} figure`,
        sectionId: section.id,
        definition: "d",
        unit,
        polarity: "NEITHER",
        measureType: "MONTHLY_COUNT",
        decimals,
        order: i,
      },
    });
    ids.set(rule.code, indicator.id);
  }
  await db.childPopulation.create({ data: { year: 2019, count: 50_000, updatedByName: "Test" } });
});

const valueOf = (periodId: string, code: string) =>
  db.indicatorValue.findUniqueOrThrow({ where: { indicatorId_periodId: { indicatorId: ids.get(code)!, periodId } } });
const typed = (periodId: string, code: string, value: number) =>
  db.$transaction((tx) =>
    applyValueChange(tx, admin, { indicatorId: ids.get(code)!, periodId, value, notAvailableReason: null, source: "ENTRY" }, null),
  );

async function preview(month: string, asAt = "2020-03-31") {
  const result = await previewAnnexA(admin, month, upload(asAt));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe("an Annex A upload, previewed and confirmed", () => {
  it("shows each figure beside the month's value, then writes them all with their provenance", async () => {
    const period = await db.period.create({ data: { month: "2020-03", panelMeetingDate: new Date("2020-04-20"), status: "OPEN" } });
    await typed(period.id, "CONTACTS", expected.figures.CONTACTS);
    await typed(period.id, "REFERRALS", 999);

    const { batchId, stored } = await preview("2020-03");
    expect(Object.fromEntries(stored.figures.map((f) => [f.code, f.value]))).toEqual(expected.figures);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      kind: "ANNEX_A",
      status: "PENDING",
      periodId: period.id,
      fileName: "annex-a-march.xlsx",
    });
    expect(await valueOf(period.id, "REFERRALS")).toMatchObject({ value: 999, revision: 1 });

    const view = (await findAnnexAPreview(admin, "2020-03", batchId))!;
    const figure = (code: string) => view.figures.find((f) => f.code === code)!;
    expect(figure("CONTACTS")).toMatchObject({ outcome: "unchanged", current: { value: 1780 } });
    expect(figure("REFERRALS")).toMatchObject({ outcome: "changed", current: { value: 999 }, value: 450 });
    expect(figure("ASSESS_45WD_PCT")).toMatchObject({ outcome: "new", words: "244 of 351 assessments", current: null });
    expect(view.notFromAnnexA.map((f) => f.code)).toEqual([
      "MASH_24H_PCT",
      "CP_REVIEWS_TIMELY_PCT",
      "CLA_REVIEWS_TIMELY_PCT",
      "CLA_VISITS_TIMELY_PCT",
    ]);
    expect(view.quality.lists.find((l) => l.list === 1)).toMatchObject({ rowsRead: 31239, duplicatesDropped: 1 });
    expect(view.quality.issues[0]).toMatchObject({ list: 1, column: "Date of Contact" });
    expect(view.canConfirm).toBe(true);

    expect(await confirmAnnexA(admin, batchId)).toEqual({ month: "2020-03", created: 26, changed: 1, unchanged: 1 });
    const referrals = await valueOf(period.id, "REFERRALS");
    expect(referrals).toMatchObject({ value: 450, revision: 2, source: "IMPORT" });
    const provenance = readProvenance(referrals.provenance)!;
    expect(provenance).toMatchObject({
      kind: "annex-a",
      asAt: "2020-03-31",
      coversFrom: "2018-10-01",
      rulesVersion: ANNEX_A_RULES_VERSION,
      numerator: 450,
      denominator: null,
      words: "450 referrals",
    });
    expect(provenance.fileSha256).toBe(stored.fileSha256);
    // The value already right keeps its revision and gains where it came from.
    const contacts = await valueOf(period.id, "CONTACTS");
    expect(contacts).toMatchObject({ value: 1780, revision: 1, source: "ENTRY" });
    expect(readProvenance(contacts.provenance)).toMatchObject({ words: "1,780 contacts" });
    expect(readProvenance((await valueOf(period.id, "CP_RATE_10K")).provenance)).toMatchObject({ numerator: 593, denominator: 50_000 });

    const audit = await db.auditEvent.findMany({ where: { entityId: batchId } });
    expect(audit.map((e) => e.action)).toEqual(["values.computed_from_annex_a"]);
    expect(audit[0].after).toMatchObject({
      fileSha256: stored.fileSha256,
      rulesVersion: ANNEX_A_RULES_VERSION,
      created: 26,
      changed: 1,
      unchanged: 1,
      figures: objectContaining({ REFERRALS: 450 }),
    });
    await expect(confirmAnnexA(admin, batchId)).rejects.toMatchObject({ code: "CONFLICT" });

    // A value typed over a computed one, or imported over it, is no longer computed.
    await typed(period.id, "REFERRALS", 451);
    expect((await valueOf(period.id, "REFERRALS")).provenance).toBeNull();
    const file = await previewImport(admin, "2020-03", csvFile("code,value\nCONTACTS,1781\n"));
    if (!file.ok) throw new Error(JSON.stringify(file.error));
    await confirmImport(admin, file.batchId);
    expect(await valueOf(period.id, "CONTACTS")).toMatchObject({ value: 1781, provenance: null });
    expect(readProvenance((await valueOf(period.id, "CLA_NUMBER")).provenance)).not.toBeNull();
  });

  it("writes nothing when a value changes while the confirmation is running", async () => {
    const period = await db.period.create({ data: { month: "2020-04", panelMeetingDate: new Date("2020-05-20"), status: "OPEN" } });
    await typed(period.id, "REFERRALS", 999);
    const { batchId } = await preview("2020-04", "2020-04-30");
    const row = await valueOf(period.id, "REFERRALS");

    // A second connection changes the value and holds the row until the confirmation waits on it.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE "IndicatorValue" SET value = 1000, revision = revision + 1 WHERE id = $1`, [row.id]);
      const confirming = confirmAnnexA(admin, batchId).then(
        () => "ok",
        (e: unknown) => {
          if (isAppError(e)) return e.code;
          throw e;
        },
      );
      await waitForLockWait(other);
      await other.query("COMMIT");
      expect(await confirming).toBe("CONFLICT");
    } finally {
      await other.end();
    }
    expect(await valueOf(period.id, "REFERRALS")).toMatchObject({ value: 1000, revision: 2, provenance: null });
    expect(await db.indicatorValue.count({ where: { periodId: period.id } })).toBe(1);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "PENDING" });
  });

  it("keeps no child's identifier or date of birth anywhere in the database, nor says one in the log", async () => {
    await db.period.upsert({
      where: { month: "2020-03" },
      update: {},
      create: { month: "2020-03", panelMeetingDate: new Date("2020-04-20"), status: "OPEN" },
    });
    const said: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        said.push(args.map(String).join(" "));
      }),
    );
    try {
      const { batchId } = await preview("2020-03");
      await findAnnexAPreview(admin, "2020-03", batchId, 2);
      await previewAnnexA(admin, "2020-03", { file: { bytes: sampleBytes().slice(0, 5000), fileName: "broken.xlsx" } });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const read = await readAnnexA(sampleBytes());
    if (!read.ok) throw new Error(read.code);
    const children = new Set<string>();
    const births = new Set<string>();
    for (const list of read.lists.values()) {
      for (const r of list.rows) {
        children.add(r.child);
        // Dates of birth before 2015 cannot be mistaken for the pack's own dates (2018 to 2020) or timestamps.
        if (typeof r.v.dob === "number" && r.v.dob < 16_436) births.add(isoOf(r.v.dob));
      }
    }
    expect(children.size).toBeGreaterThan(10_000);
    expect(births.size).toBeGreaterThan(100);

    const logged = said.join("\n").match(/\d{6}/g) ?? [];
    expect(logged.filter((n) => children.has(n))).toEqual([]);

    const text = await everyTableAsText();
    // Identifiers are six-digit numbers: every standalone run of six digits in the database (not part of a uuid or hash).
    const numbers = new Set(text.match(/(?<![0-9a-z])\d{6}(?![0-9a-z])/gi) ?? []);
    expect([...numbers].filter((n) => children.has(n))).toEqual([]);
    const dates = new Set(text.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
    expect([...dates].filter((d) => births.has(d))).toEqual([]);
  });
});

/** Every row of every table of the app, as text. */
async function everyTableAsText(): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ t: string }[]>(`SELECT t::text AS t FROM "${name.replace(/"/g, '""')}" t`);
    parts.push(...rows.map((r) => r.t));
  }
  return parts.join("\n");
}

/** Until the other connection's row lock has a waiter (the confirmation's update). */
async function waitForLockWait(holder: pg.Client): Promise<void> {
  const pid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  for (let i = 0; i < 200; i++) {
    const { rows } = await holder.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))",
      [pid],
    );
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the confirmation never waited on the held row");
}
