// DfE data on the real database: a release, then a newer one replacing rows by (measure, area, year)
// with one audit event summarising the change; links refused when unit or polarity disagree; the
// council's LA number; comparators read back for a linked indicator.
import { describe, expect, it } from "vitest";
import { anyInstanceOf, stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { importNationalData } from "@/lib/national/import-national-data";
import { linkIndicatorMeasure } from "@/lib/national/link-indicator-measure";
import { setCouncilLaNumber } from "@/lib/national/council-setting";
import { findCouncilPlace, findNationalComparators } from "@/lib/national/find-national-comparators";
import { buildNationalComparators } from "@/lib/national/national-comparators";
import { MAX_NATIONAL_BYTES } from "@/lib/national/parse-national-file";
import { createSection, createTestUser, unique } from "@/test/factories";

const file = (text: string, fileName = "dfe.csv") => ({ bytes: new TextEncoder().encode(text), fileName });
const ok = async (p: ReturnType<typeof importNationalData>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};

describe("national data", () => {
  it("imports measures, figures and neighbours; a newer release replaces by (measure, area, year); links and comparators", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const code = unique("M").replace(/-/g, "_");
    const measures = `lait_id,topic,measure,measure_code,polarity,unit_label,year_type,decimals,description,methodology,source,links\n1,Care,Care leavers in EET,${code},High,% of leavers,Financial Year,0,Care leavers in education,,DfE,\n`;
    expect(await ok(importNationalData(admin, file(measures)))).toMatchObject({ layout: "measures", rows: 1, created: 1 });

    const head = "measure_code,year,area_name,la_number,region,value\n";
    const first = `${head}${code},2025,England,970,,55\n${code},2025,Yorkshire and the Humber,982,,52\n${code},2025,Leeds,383,Y,60\n${code},2025,Sheffield,373,Y,50\n${code},2025,Bradford,380,Y,c\n`;
    expect(await ok(importNationalData(admin, file(first)))).toMatchObject({
      layout: "lait",
      rows: 5,
      created: 5,
      changed: 0,
      unchanged: 0,
    });
    const newer =
      `${head}${code},2025,England,970,56\n${code},2025,Leeds,383,Y,60\n${code},2025,Bradford,380,Y,40\n${code},2024,England,970,,50\n`.replace(
        ",970,56",
        ",970,,56",
      );
    const result = await ok(importNationalData(admin, file(newer, "newer.csv")));
    expect(result).toMatchObject({ rows: 4, created: 1, changed: 2, unchanged: 1 });
    const figures = await db.nationalFigure.findMany({ where: { measureCode: code }, orderBy: [{ areaCode: "asc" }, { year: "asc" }] });
    expect(figures.map((f) => [f.areaCode, f.year, f.value, f.symbol])).toEqual([
      ["373", "2025", 50, null],
      ["380", "2025", 40, null],
      ["383", "2025", 60, null],
      ["970", "2024", 50, null],
      ["970", "2025", 56, null],
      ["982", "2025", 52, null],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "national.imported", after: { path: ["fileName"], equals: "newer.csv" } },
    });
    expect(audit.after).toMatchObject({ layout: "lait", rows: 4, created: 1, changed: 2, unchanged: 1 });

    // Neighbours, then the council's number.
    const sn = `la_number,la_name,region,${Array.from({ length: 10 }, (_, i) => `sn${i + 1},sn${i + 1}_closeness`).join(",")}\n373,Sheffield,Yorkshire and the Humber,383,Close,380,Close,${Array.from({ length: 8 }, (_, i) => `${800 + i},Close`).join(",")}\n`;
    await ok(importNationalData(admin, file(sn)));
    await expect(setCouncilLaNumber(admin, { laNumber: "12", borrowed: false })).rejects.toMatchObject({
      fieldErrors: { laNumber: stringContaining("three-digit") },
    });
    await expect(setCouncilLaNumber(admin, { laNumber: "999", borrowed: false })).rejects.toMatchObject({
      fieldErrors: { laNumber: stringContaining("999 is not in DfE's statistical neighbours file") },
    });
    await setCouncilLaNumber(admin, { laNumber: "373", borrowed: false });

    const section = await createSection();
    const make = (unit: "PERCENT" | "COUNT", polarity: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER") =>
      db.indicator.create({
        data: {
          code: unique("NI").toUpperCase().replace(/-/g, "_"),
          name: "EET",
          sectionId: section.id,
          definition: "x",
          unit,
          polarity,
          measureType: "IN_MONTH_PERCENT",
          order: 1,
        },
      });
    const count = await make("COUNT", "HIGHER_IS_BETTER");
    await expect(linkIndicatorMeasure(admin, { indicatorId: count.id, measureCode: code })).rejects.toMatchObject({
      fieldErrors: { measureCode: stringContaining(`${code} is a percentage, but the indicator is a count`) },
    });
    const lower = await make("PERCENT", "LOWER_IS_BETTER");
    await expect(linkIndicatorMeasure(admin, { indicatorId: lower.id, measureCode: code })).rejects.toMatchObject({
      fieldErrors: { measureCode: stringContaining("higher is better, but for the indicator lower is better") },
    });
    const good = await make("PERCENT", "HIGHER_IS_BETTER");
    await linkIndicatorMeasure(admin, { indicatorId: good.id, measureCode: code });

    const comparators = (await findNationalComparators(db, [{ id: good.id, nationalMeasureCode: code }])).get(good.id);
    expect(comparators).toMatchObject({
      england: { year: "2025", yearLabel: "2024-25", value: 56 },
      region: { name: "Yorkshire and the Humber", value: 52 },
      neighbours: { yearLabel: "2024-25", mean: 50, count: 2, of: 10 },
      own: { value: 50, rank: 2, of: 3, quartile: 3 },
    });
  });

  it("refuses a file over the size limit, and writes nothing from a file with any bad row", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const big = await importNationalData(admin, { bytes: new Uint8Array(MAX_NATIONAL_BYTES + 1), fileName: "big.csv" });
    expect(big).toMatchObject({ ok: false, errors: [{ message: stringContaining("larger than 25 MB") }] });
    const before = await db.nationalFigure.count();
    const bad = await importNationalData(
      admin,
      file("measure_code,year,area_name,la_number,region,value\nNOT_A_MEASURE,2025,England,970,,1\n"),
    );
    expect(bad).toMatchObject({ ok: false, total: 1 });
    expect(await db.nationalFigure.count()).toBe(before);
    await expect(importNationalData((await createTestUser("DIRECTOR")).sessionUser, file("x"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the comparators read only the figures they use", () => {
  it("gives what working them out from every figure of the measure gives, for any pack month", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const code = unique("R").replace(/-/g, "_");
    await ok(
      importNationalData(
        admin,
        file(
          `lait_id,topic,measure,measure_code,polarity,unit_label,year_type,decimals,description,methodology,source,links\n1,Care,Ranked,${code},Low,% of children,Financial Year,0,x,,DfE,\n`,
        ),
      ),
    );
    const sn = `la_number,la_name,region,${Array.from({ length: 10 }, (_, i) => `sn${i + 1},sn${i + 1}_closeness`).join(",")}\n373,Sheffield,Yorkshire and the Humber,383,Close,380,Close,${Array.from({ length: 8 }, (_, i) => `${800 + i},Close`).join(",")}\n`;
    await ok(importNationalData(admin, file(sn)));
    await setCouncilLaNumber(admin, { laNumber: "373", borrowed: false });
    // England, the region, the council, two neighbours and 30 other authorities over nine years, some unpublished.
    const areas = ["970", "982", "373", "383", "380", "801", ...Array.from({ length: 30 }, (_, i) => String(300 + i))];
    const rows = areas.flatMap((area, a) =>
      Array.from({ length: 9 }, (_, y) => {
        const year = 2016 + y;
        if (area === "373" && year === 2024) return []; // the council's latest is 2023 for a 2024 pack
        const value = (a * 7 + y * 3) % 11 === 0 ? "c" : String(20 + ((a * 13 + y * 5) % 40));
        return [`${code},${year},Area ${area},${area},,${value}`];
      }),
    );
    await ok(importNationalData(admin, file(`measure_code,year,area_name,la_number,region,value\n${rows.join("\n")}\n`)));
    const indicator = { id: "ind", nationalMeasureCode: code };
    const everything = await db.nationalMeasure.findUniqueOrThrow({
      where: { code },
      include: { figures: { orderBy: [{ areaCode: "asc" }, { year: "asc" }] } },
    });
    const place = await findCouncilPlace(db);
    for (const month of [undefined, "2016-02", "2017-07", "2019-03", "2024-06", "2025-02", "2030-01"]) {
      const read = (await findNationalComparators(db, [indicator], month)).get("ind");
      expect(read, `pack month ${month}`).toEqual(buildNationalComparators(everything, place, month));
    }
    expect((await findNationalComparators(db, [indicator], "2024-06")).get("ind")?.own).toMatchObject({
      year: "2023",
      of: anyInstanceOf(Number),
    });
  });
});
