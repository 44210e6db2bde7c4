// A workbook's zip must hold exactly what its central directory lists: a part hidden from the
// directory (which a reader that walks the local headers would read, and no size check counted), a
// gap, an overlap, a part listed twice or sizes that disagree are refused with their own message,
// by both readers (the figures import and the Annex A lists). And no part read may hold more than a
// bounded piece of XML at once: a small file of whitespace is refused, not held.
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readXlsx } from "@/lib/import/read-xlsx";
import { readAnnexA } from "@/lib/annex-a/read-annex-a";
import { computeAnnexA, ANNEX_A_FILE_ERRORS } from "@/lib/annex-a/compute-annex-a";
import { describeFileError } from "@/lib/import/file-errors";
import { MAX_XML_PIECE } from "@/lib/annex-a/read-xlsx-sheets";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

type Entry = { name: string; xml: string; descriptor?: boolean };
/** One part as the zip stores it: its local header and data (and data descriptor), and its directory entry for an offset. */
function part({ name, xml, descriptor = false }: Entry, { localSize }: { localSize?: number } = {}) {
  const nameBytes = Buffer.from(name);
  const raw = Buffer.from(xml);
  const data = deflateRawSync(raw);
  const crc = 0x1234abcd; // never checked against the data, only between the two headers
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(descriptor ? 8 : 0, 6);
  local.writeUInt16LE(8, 8);
  if (!descriptor) {
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(localSize ?? raw.length, 22);
  }
  local.writeUInt16LE(nameBytes.length, 26);
  const trailer = Buffer.alloc(descriptor ? 16 : 0);
  if (descriptor) {
    trailer.writeUInt32LE(0x08074b50, 0);
    trailer.writeUInt32LE(crc, 4);
    trailer.writeUInt32LE(data.length, 8);
    trailer.writeUInt32LE(raw.length, 12);
  }
  const stored = Buffer.concat([local, nameBytes, data, trailer]);
  const central = (offset: number, as = nameBytes) => {
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(descriptor ? 8 : 0, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(raw.length, 24);
    c.writeUInt16LE(as.length, 28);
    c.writeUInt32LE(offset, 42);
    return Buffer.concat([c, as]);
  };
  return { stored, central };
}

/**
 * A zip of `entries`; `hidden` parts are stored but left out of the directory, `junk` goes before the
 * directory, `alias` lists the first part a second time under another name, `trailing` follows the end.
 */
function zip(
  entries: Entry[],
  {
    hidden = [],
    junk,
    alias,
    trailing,
    localSize,
  }: { hidden?: Entry[]; junk?: Buffer; alias?: string; trailing?: Buffer; localSize?: number } = {},
): Uint8Array {
  const stored: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [i, entry] of [...entries, ...hidden].entries()) {
    const p = part(entry, { localSize: i === 0 ? localSize : undefined });
    if (i < entries.length) directory.push(p.central(offset));
    if (i === 0 && alias) directory.push(p.central(offset, Buffer.from(alias)));
    stored.push(p.stored);
    offset += p.stored.length;
  }
  if (junk) {
    stored.push(junk);
    offset += junk.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length, 8);
  end.writeUInt16LE(directory.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...stored, dir, end, trailing ?? Buffer.alloc(0)]));
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;
/** A one-sheet workbook, as Excel lays it out; the sheet is named "List 1" so that both readers read it. */
function workbook(sheetData: string, { strings = "", descriptor = false } = {}): Entry[] {
  return [
    { name: "[Content_Types].xml", xml: "<Types/>", descriptor },
    {
      name: "xl/workbook.xml",
      xml: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="List 1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      descriptor,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      xml: `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      descriptor,
    },
    { name: "xl/worksheets/sheet1.xml", xml: `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`, descriptor },
    { name: "xl/sharedStrings.xml", xml: `<sst xmlns="${MAIN}"><si><t>shared</t></si>${strings}</sst>`, descriptor },
  ];
}
const VALUES =
  row(1, inline("A1", "indicator_code"), inline("B1", "value"), inline("C1", "period")) +
  row(2, inline("A2", "CONTACTS"), '<c r="B2"><v>12</v></c>', inline("C2", "2019-08"));
const LIST =
  row(1, inline("A1", "Child Unique ID"), inline("B1", "Date of Contact")) + row(2, inline("A2", "C1"), '<c r="B2" t="s"><v>0</v></c>');
/** The sheet a hidden part would carry: far wider than the column cap, unseen by the directory. */
const WIDE = {
  name: "xl/worksheets/sheet1.xml",
  xml: `<worksheet><sheetData>${row(1, ...Array.from({ length: 300 }, (_, i) => `<c r="A${i}"><v>1</v></c>`))}</sheetData></worksheet>`,
};

async function codes(bytes: Uint8Array) {
  const values = await readXlsx(bytes);
  const lists = await readAnnexA(bytes);
  return [values.ok ? "ok" : values.error.code, lists.ok ? "ok" : lists.code];
}

describe("a zip whose directory and contents disagree", () => {
  it("reads a well-made workbook, with or without data descriptors after each part (as streaming writers make)", async () => {
    expect(await codes(zip(workbook(VALUES)))).toEqual(["ok", "ok"]);
    expect(await codes(zip(workbook(VALUES, { descriptor: true })))).toEqual(["ok", "ok"]);
  });

  it("refuses a part hidden from the central directory, with a message saying so", async () => {
    expect(await codes(zip(workbook(VALUES), { hidden: [WIDE] }))).toEqual(["xlsx-inconsistent", "xlsx-inconsistent"]);
    expect(describeFileError({ code: "xlsx-inconsistent" }, String)).toMatch(/zip index does not match/);
    const annexA = await computeAnnexA({
      bytes: zip(workbook(LIST), { hidden: [WIDE] }),
      month: "2020-03",
      asAt: "2020-03-31",
      coversFrom: "2019-04-01",
      population: null,
    });
    expect(annexA).toEqual({ ok: false, error: "xlsx-inconsistent" });
    expect(ANNEX_A_FILE_ERRORS["xlsx-inconsistent"]).toMatch(/save it again/);
  });

  it("refuses bytes between the parts and the directory, bytes after the end, a part listed twice, and local sizes that differ", async () => {
    expect(await codes(zip(workbook(VALUES), { junk: Buffer.alloc(64, 0x20) }))).toEqual(["xlsx-inconsistent", "xlsx-inconsistent"]);
    expect(await codes(zip(workbook(VALUES), { trailing: Buffer.from("PK hidden") }))).toEqual(["xlsx-inconsistent", "xlsx-inconsistent"]);
    expect(await codes(zip(workbook(VALUES), { alias: "xl/worksheets/sheet2.xml" }))).toEqual(["xlsx-inconsistent", "xlsx-inconsistent"]);
    expect(await codes(zip(workbook(VALUES), { localSize: 4_000_000 }))).toEqual(["xlsx-inconsistent", "xlsx-inconsistent"]);
  });
});

describe("whitespace that unpacks to far more than a row", () => {
  const bomb = " ".repeat(MAX_XML_PIECE + 1024 * 1024);

  it("refuses a sheet with more than MAX_XML_PIECE between two rows, without holding it", async () => {
    const bytes = zip(workbook(row(1, inline("A1", "Child Unique ID")) + bomb + row(2, inline("A2", "C1"))));
    expect(bytes.length).toBeLessThan(50_000);
    expect(await readAnnexA(bytes)).toEqual({ ok: false, code: "xlsx-too-large" });
  });

  it("refuses the same in the shared strings", async () => {
    expect(await readAnnexA(zip(workbook(LIST, { strings: bomb })))).toEqual({ ok: false, code: "xlsx-too-large" });
  });

  it("still reads a row, and a shared string, split across the chunks the part is inflated in", async () => {
    const long = "x".repeat(1_500_000);
    const read = await readAnnexA(
      zip(workbook(LIST + row(3, inline("A3", long), '<c r="B3" t="s"><v>1</v></c>'), { strings: `<si><t>${long}</t></si>` })),
    );
    if (!read.ok) throw new Error(read.code);
    expect(read.lists.get(1)!.rows.map((r) => r.child.length)).toEqual([2, 1_500_000]);
  });
});
