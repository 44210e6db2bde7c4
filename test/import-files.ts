// Small import files made in the test that needs them: CSV text, XLSX workbooks built with exceljs,
// and hand-made zips for the zip-bomb guards.
import ExcelJS from "exceljs";
import { deflateRawSync } from "node:zlib";

export const csvFile = (text: string, fileName = "values.csv", contentType = "text/csv") => ({
  bytes: new TextEncoder().encode(text),
  fileName,
  contentType,
});

type CellInput = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

export async function xlsxBytes(sheets: { name?: string; rows: CellInput[][] }[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [i, sheet] of sheets.entries()) {
    const ws = workbook.addWorksheet(sheet.name ?? `Sheet${i + 1}`);
    for (const [r, row] of sheet.rows.entries()) {
      for (const [c, cell] of row.entries()) {
        const target = ws.getCell(r + 1, c + 1);
        if (cell && typeof cell === "object" && "numFmt" in cell) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else {
          target.value = cell;
        }
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const xlsxFile = async (rows: CellInput[][], fileName = "values.xlsx") => ({
  bytes: await xlsxBytes([{ rows }]),
  fileName,
  contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
});

/** A zip written by hand. `claim` overrides the uncompressed size the directory declares. */
export function zipBytes(entries: { name: string; data: Uint8Array; claim?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const size = entry.claim ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
