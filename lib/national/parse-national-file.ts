// Reads DfE's published files, telling the layout from the header row: LAIT's measure list, LAIT's
// long figures (measure_code, year, area_name, la_number, region, value), the Explore Education
// Statistics open-data CSV (one row per area and time period, one column per indicator, read by
// name) and the statistical-neighbours file. Every bad cell is reported with its row, column and
// reason; a file with any is refused whole. Pure, so every refusal is unit-tested.
import { CsvError, readCsvRecords } from "@/lib/national/read-csv-records";
import type { Polarity, Unit } from "@/lib/generated/prisma/enums";
import { readNationalValue } from "@/lib/national/symbols";
import { columnLetter } from "@/lib/import/month-header";
import { hasDamagedText } from "@/lib/validation/text";

export type NationalLayout = "measures" | "lait" | "ees" | "neighbours";
export type MeasureRow = {
  code: string;
  name: string;
  topic: string;
  polarity: Polarity;
  unit: Unit | null;
  unitLabel: string;
  yearType: string;
  definition: string;
  source: string;
};
export type FigureRow = {
  measureCode: string;
  areaCode: string;
  areaName: string;
  year: string;
  value: number | null;
  symbol: string | null;
};
export type NeighbourRow = {
  laNumber: string;
  laName: string;
  region: string;
  position: number;
  neighbourLaNumber: string;
  closeness: string;
};
export type CellError = { row: number; column: string; message: string };

export type ParsedNational =
  | { ok: true; layout: "measures"; rows: MeasureRow[] }
  | { ok: true; layout: "lait" | "ees"; rows: FigureRow[] }
  | { ok: true; layout: "neighbours"; rows: NeighbourRow[] }
  | { ok: false; errors: CellError[]; total: number };

export const MAX_NATIONAL_BYTES = 25 * 1024 * 1024;
const MAX_ERRORS_KEPT = 200;

/** England and the regions as LAIT numbers them; EES names regions, so they are matched by name. */
export const REGION_CODES: Record<string, string> = {
  england: "970",
  "north east": "980",
  "north west": "981",
  "yorkshire and the humber": "982",
  "east midlands": "983",
  "west midlands": "984",
  "east of england": "985",
  london: "986",
  "inner london": "987",
  "london (inner)": "987",
  "outer london": "988",
  "london (outer)": "988",
  "south east": "989",
  "south west": "990",
};
const LA_NUMBER = /^\d{3}$/;
const YEAR = /^\d{4}(-\d{2}|-\d{4})?$/;
const EES_GEOGRAPHY = new Set([
  "time_period",
  "time_identifier",
  "geographic_level",
  "country_code",
  "country_name",
  "region_code",
  "region_name",
  "old_la_code",
  "new_la_code",
  "la_name",
]);

export function parseNationalFile(bytes: Uint8Array, knownMeasures: Set<string>): ParsedNational {
  let records: string[][];
  try {
    records = readCsvRecords(new TextDecoder("utf-8").decode(bytes));
  } catch (e) {
    const line = e instanceof CsvError ? e.line : 1;
    return {
      ok: false,
      total: 1,
      errors: [{ row: line, column: "-", message: `Row ${line}: the file is not valid CSV (a quote is not closed)` }],
    };
  }
  if (records.length < 2)
    return { ok: false, total: 1, errors: [{ row: 1, column: "-", message: "Row 1: the file has no rows of figures under its header" }] };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const errors: CellError[] = [];
  let total = 0;
  const fail = (row: number, index: number, reason: string) => {
    total++;
    if (errors.length < MAX_ERRORS_KEPT)
      errors.push({
        row,
        column: records[0][index]?.trim() ?? columnLetter(index),
        message: `Row ${row}, column ${records[0][index]?.trim() || columnLetter(index)} (${columnLetter(index)}): ${reason}`,
      });
  };
  // Bytes that are not UTF-8 were decoded as U+FFFD: refused, naming the cells, rather than stored so.
  records.forEach((r, i) =>
    r.forEach((c, j) => {
      if (hasDamagedText(c)) fail(i + 1, j, "holds a character that could not be read (the file is not UTF-8): save it as CSV UTF-8");
    }),
  );
  if (total) return { ok: false, errors, total };

  const looksLike = {
    neighbours: at("sn1") >= 0 && at("la_number") >= 0,
    measures: at("measure_code") >= 0 && at("polarity") >= 0 && at("unit_label") >= 0,
    lait: at("measure_code") >= 0 && at("year") >= 0 && at("la_number") >= 0 && at("value") >= 0,
    ees: at("time_period") >= 0 && at("geographic_level") >= 0,
  };
  const layouts = (Object.keys(looksLike) as NationalLayout[]).filter((l) => looksLike[l]);
  if (layouts.length === 0) {
    return {
      ok: false,
      total: 1,
      errors: [
        {
          row: 1,
          column: "-",
          message:
            "Row 1: this is not one of DfE's layouts: expected LAIT's columns (measure_code, year, area_name, la_number, region, value), its measure list, the statistical neighbours (la_number, sn1 to sn10) or an Explore Education Statistics file (time_period, geographic_level, ...)",
        },
      ],
    };
  }
  if (layouts.length > 1) {
    const second = layouts[1] === "ees" ? at("time_period") : at("sn1") >= 0 ? at("sn1") : at("year");
    return {
      ok: false,
      total: 1,
      errors: [
        {
          row: 1,
          column: records[0][second],
          message: `Row 1, column ${records[0][second]} (${columnLetter(second)}): the header mixes two layouts (${layouts.join(" and ")}): keep the columns of one`,
        },
      ],
    };
  }
  const layout = layouts[0];
  const body = records.slice(1);
  const cell = (r: string[], name: string) => (r[at(name)] ?? "").trim();

  if (layout === "measures") {
    const rows: MeasureRow[] = [];
    body.forEach((r, i) => {
      const row = i + 2;
      const code = cell(r, "measure_code");
      if (!code) return fail(row, at("measure_code"), "enter the measure code");
      const polarity = POLARITY[cell(r, "polarity").toLowerCase()];
      if (!polarity) return fail(row, at("polarity"), `"${cell(r, "polarity")}" is not a polarity: High, Low, - or NA`);
      const unitLabel = cell(r, "unit_label");
      rows.push({
        code,
        name: cell(r, "measure"),
        topic: cell(r, "topic"),
        polarity,
        unit: unitOf(unitLabel),
        unitLabel,
        yearType: cell(r, "year_type"),
        definition: cell(r, "description"),
        source: cell(r, "source"),
      });
    });
    return total ? { ok: false, errors, total } : { ok: true, layout, rows };
  }

  if (layout === "neighbours") {
    const rows: NeighbourRow[] = [];
    body.forEach((r, i) => {
      const row = i + 2;
      const laNumber = cell(r, "la_number");
      if (!LA_NUMBER.test(laNumber)) return fail(row, at("la_number"), `"${laNumber}" is not a three-digit local authority number`);
      for (let n = 1; n <= 10; n++) {
        const index = at(`sn${n}`);
        if (index < 0) {
          fail(row, header.length, `there is no sn${n} column: the file must list 10 neighbours`);
          return;
        }
        const neighbour = (r[index] ?? "").trim();
        if (!LA_NUMBER.test(neighbour)) {
          fail(row, index, `"${neighbour}" is not a three-digit local authority number`);
          continue;
        }
        rows.push({
          laNumber,
          laName: cell(r, "la_name"),
          region: cell(r, "region"),
          position: n,
          neighbourLaNumber: neighbour,
          closeness: (r[at(`sn${n}_closeness`)] ?? "").trim(),
        });
      }
    });
    return total ? { ok: false, errors, total } : { ok: true, layout, rows };
  }

  const rows: FigureRow[] = [];
  const seen = new Map<string, number>();
  const add = (row: number, index: number, figure: FigureRow) => {
    const key = `${figure.measureCode}|${figure.areaCode}|${figure.year}`;
    const first = seen.get(key);
    if (first !== undefined)
      return fail(row, index, `the figure for ${figure.measureCode}, area ${figure.areaCode}, ${figure.year} is also on row ${first}`);
    seen.set(key, row);
    rows.push(figure);
  };
  const measureIndex = new Map([...knownMeasures].map((c) => [c.toLowerCase(), c]));

  if (layout === "lait") {
    body.forEach((r, i) => {
      const row = i + 2;
      const measure = measureIndex.get(cell(r, "measure_code").toLowerCase());
      if (!measure)
        return fail(
          row,
          at("measure_code"),
          `"${cell(r, "measure_code")}" is not a measure code: import DfE's measure list (lait-measures.csv) first, or check the code`,
        );
      const areaCode = cell(r, "la_number");
      if (!LA_NUMBER.test(areaCode))
        return fail(row, at("la_number"), `"${areaCode}" is not a three-digit area number (an authority, a region 980-990 or England 970)`);
      const year = cell(r, "year");
      if (!YEAR.test(year)) return fail(row, at("year"), `"${year}" is not a year as DfE writes it (2025 or 2014-16)`);
      const value = readNationalValue(cell(r, "value"));
      if ("error" in value) return fail(row, at("value"), value.error);
      add(row, at("value"), { measureCode: measure, areaCode, areaName: cell(r, "area_name"), year, ...value });
    });
    return total ? { ok: false, errors, total } : { ok: true, layout, rows };
  }

  // EES: every column that is not geography or time is an indicator, read by its name.
  const indicators = header.flatMap((h, index) => (EES_GEOGRAPHY.has(h) ? [] : [{ index, code: measureIndex.get(h) }]));
  for (const ind of indicators)
    if (!ind.code)
      fail(1, ind.index, `"${records[0][ind.index].trim()}" is not a measure code: import DfE's measure list first, or remove the column`);
  if (total) return { ok: false, errors, total };
  body.forEach((r, i) => {
    const row = i + 2;
    const level = cell(r, "geographic_level").toLowerCase();
    const period = cell(r, "time_period");
    const six = /^(\d{4})(\d{2})$/.exec(period);
    // 202425 is the year ending in 2025, which LAIT labels 2025: the same row either way.
    const year = six ? String(Number(six[1]) + 1) : period;
    if (!YEAR.test(year)) return fail(row, at("time_period"), `"${period}" is not a time period as DfE writes it (2025 or 202425)`);
    let areaCode: string | undefined;
    let areaName: string;
    if (level === "national") {
      areaCode = "970";
      areaName = cell(r, "country_name") || "England";
    } else if (level === "regional") {
      areaName = cell(r, "region_name");
      areaCode = REGION_CODES[areaName.toLowerCase()];
      if (!areaCode) return fail(row, at("region_name"), `"${areaName}" is not one of England's regions`);
    } else if (level === "local authority") {
      areaName = cell(r, "la_name");
      areaCode = cell(r, "old_la_code");
      if (!LA_NUMBER.test(areaCode)) return fail(row, at("old_la_code"), `"${areaCode}" is not a three-digit local authority number`);
    } else
      return fail(
        row,
        at("geographic_level"),
        `"${cell(r, "geographic_level")}" is not a level this app reads (National, Regional or Local authority)`,
      );
    for (const ind of indicators) {
      const value = readNationalValue(r[ind.index] ?? "");
      if ("error" in value) {
        fail(row, ind.index, value.error);
        continue;
      }
      add(row, ind.index, { measureCode: ind.code!, areaCode, areaName, year, ...value });
    }
  });
  return total ? { ok: false, errors, total } : { ok: true, layout, rows };
}

const POLARITY: Record<string, Polarity> = {
  high: "HIGHER_IS_BETTER",
  low: "LOWER_IS_BETTER",
  "-": "NEITHER",
  na: "NEITHER",
  "": "NEITHER",
};

/** LAIT's unit labels: "%..." is a percentage, "Rate per 10,000" a rate, "Number..." a count. */
export function unitOf(label: string): Unit | null {
  const l = label.trim().toLowerCase();
  if (l.startsWith("%")) return "PERCENT";
  if (l.startsWith("rate per 10,000")) return "RATE_PER_10K";
  if (l.startsWith("number")) return "COUNT";
  return null;
}
