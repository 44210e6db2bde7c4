// Reads the demo council's catalogue and values (CSV copies of shared/data kept in prisma/seed/data).
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { MeasureType, Polarity, Unit } from "@/lib/generated/prisma/enums";

const DATA_DIR = path.join(process.cwd(), "prisma", "seed", "data");

export type DemoIndicator = {
  code: string;
  name: string;
  section: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  measureType: MeasureType;
  timescale: string | null;
  timescaleBasis: string | null;
  dataSource: string | null;
  decimals: number;
  target: number | null;
  england: { periodLabel: string; value: number }[];
  englandSource: string | null;
  englandNotes: string | null;
};

const blank = (s: string | undefined) => (s && s.trim() && s.trim() !== "n/a" ? s.trim() : null);

export function readDemoIndicators(dir = DATA_DIR): DemoIndicator[] {
  const rows = parse<Record<string, string>>(fs.readFileSync(path.join(dir, "indicators.csv")), { columns: true, skip_empty_lines: true });
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    section: r.section,
    definition: r.definition,
    unit: r.unit.toUpperCase() as Unit,
    polarity: r.polarity.toUpperCase() as Polarity,
    measureType: r.measure_type.toUpperCase() as MeasureType,
    timescale: blank(r.timescale),
    timescaleBasis: blank(r.timescale_basis),
    dataSource: blank(r.data_source),
    decimals: Number(r.decimals),
    target: blank(r.illustrative_target) === null ? null : Number(r.illustrative_target),
    england: [
      ["2018-19", r.england_2018_19],
      ["2019-20", r.england_2019_20],
    ]
      .filter(([, v]) => blank(v) !== null)
      .map(([periodLabel, v]) => ({ periodLabel, value: Number(v) })),
    englandSource: blank(r.england_source),
    englandNotes: blank(r.england_notes),
  }));
}

export function readDemoValues(dir = DATA_DIR): { code: string; period: string; value: number }[] {
  const rows = parse<Record<string, string>>(fs.readFileSync(path.join(dir, "values.csv")), { columns: true, skip_empty_lines: true });
  return rows.map((r) => ({ code: r.code, period: r.period, value: Number(r.value) }));
}

export const DEMO_SECTIONS = [
  { name: "Demand", slug: "demand", owner: "lead.demand@northbridge.example" },
  { name: "Timescales / Child protection", slug: "child-protection", owner: "lead.protection@northbridge.example" },
  { name: "Corporate parenting / Children looked after", slug: "corporate-parenting", owner: "lead.care@northbridge.example" },
  { name: "Care leavers", slug: "care-leavers", owner: "lead.care@northbridge.example" },
] as const;

export const DEMO_PASSWORD = "scrutiny-demo";

export const DEMO_USERS = [
  { email: "admin@northbridge.example", name: "Alex Morgan", role: "ADMIN" },
  { email: "lead.demand@northbridge.example", name: "Dana Price", role: "SERVICE_LEAD" },
  { email: "lead.protection@northbridge.example", name: "Priya Shah", role: "SERVICE_LEAD" },
  { email: "lead.care@northbridge.example", name: "Chris Okafor", role: "SERVICE_LEAD" },
  { email: "director@northbridge.example", name: "Sam Bullingham", role: "DIRECTOR" },
  { email: "panel@northbridge.example", name: "Cllr Jo Fletcher", role: "PANEL_MEMBER" },
] as const;

/** Illustrative tolerances: how far short of target still counts as amber. */
export function demoTolerance(target: number): number {
  if (target >= 50) return 5;
  if (target >= 10) return 2;
  return 1;
}

/** Counts that are often 1-5 in a month, shown as "c" to the panel. */
export const DEMO_SUPPRESSED = new Set(["SGO_GRANTED", "ADOPTIONS"]);

/** The panel meets on the fourth Thursday of the month after the data month. */
export function demoPanelDate(month: string): Date {
  const [y, m] = month.split("-").map(Number);
  const first = new Date(Date.UTC(y, m, 1));
  const firstThursday = 1 + ((4 - first.getUTCDay() + 7) % 7);
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), firstThursday + 21));
}
