// The demo council's DfE comparators: the real published figures for the measures its indicators are
// linked to (a subset of DfE's LAIT release, copied into prisma/seed/data/national so the demo runs
// without ../shared). Northbridge is fictional: it borrows Sheffield's (373) statistical neighbours
// and region, Yorkshire and the Humber, and so shows no authority's own figure as its own.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { importNationalData } from "@/lib/national/import-national-data";

const DIR = path.join(process.cwd(), "prisma", "seed", "data", "national");
export const DEMO_BORROWED_LA = { laNumber: "373", name: "Sheffield", region: "Yorkshire and the Humber" } as const;

/** Each demo indicator and the DfE measure it is compared with (same unit and polarity). */
export const DEMO_MEASURE_LINKS: Record<string, string> = {
  REFERRALS_RATE_10K: "CPP_Total_Rateper10,000",
  REREFERRALS_12M_PCT: "ReReferral",
  CIN_RATE_10K: "CIN",
  ASSESS_45WD_PCT: "Continue_Assess_Comp",
  ICPC_15WD_PCT: "CP_conf_15days",
  CP_RATE_10K: "CPP_rate",
  CP_REPEAT_PCT: "PrevRegCPR",
  CP_OPEN_2YRS_PCT: "CPPlans2yrsActive",
  CLA_RATE_10K: "LAC",
  CLA_3PLUS_PLACEMENTS_PCT: "LACStable_2016on",
  CLA_LONGTERM_STABILITY_PCT: "LAC_LongStable%",
  CARE_LEAVERS_EET_PCT: "CareLeaverEET",
  CARE_LEAVERS_SUITABLE_ACCOM_PCT: "CareLeaverAcc",
};

export async function seedDemoNational(admin: SessionUser): Promise<void> {
  for (const file of ["lait-measures.csv", "lait-children-social-care.csv", "statistical-neighbours-2025.csv"]) {
    const result = await importNationalData(admin, { bytes: new Uint8Array(fs.readFileSync(path.join(DIR, file))), fileName: file });
    if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => e.message).join("; ")}`);
  }
  await db.councilSetting.upsert({
    where: { id: 1 },
    create: { id: 1, laNumber: DEMO_BORROWED_LA.laNumber, borrowed: true },
    update: { laNumber: DEMO_BORROWED_LA.laNumber, borrowed: true },
  });
  for (const [code, measureCode] of Object.entries(DEMO_MEASURE_LINKS)) {
    await db.indicator.update({ where: { code }, data: { nationalMeasureCode: measureCode } });
  }
}
