// A small frozen snapshot for the download tests: one section, a count (suppressed last month), a
// percentage with a target, RAG, directions and an England comparator, and a formula-like name.
import type { PackSnapshot, SnapshotIndicator } from "@/lib/pack/snapshot/snapshot-types";

const base = {
  definition: "d", measureType: "MONTHLY_COUNT", note: null, notAvailableReason: null, revised: false, trend: [], summary: "s", exception: false,
  comparators: [], target: null, rag: null, vsLastMonth: null, vsLastYear: null, changeVsLastMonth: null, changeVsLastYear: null,
  suppressed: { value: false, lastMonth: false, lastYear: false },
} satisfies Partial<SnapshotIndicator>;

export function sampleSnapshot(month = "2019-07", version = 1): PackSnapshot {
  return {
    schema: 1, council: "Northbridge City Council", title: "Children's Services Performance Overview", month, panelMeetingDate: "2019-09-10", version,
    signedOff: { name: "Dana Director", role: "DIRECTOR", at: "2019-08-15T16:00:00.000Z" }, amendmentReason: null, charts: {},
    sections: [{
      name: "Demand", slug: "demand", owners: ["Lee Lead"], commentary: null,
      indicators: [
        { ...base, code: "CONTACTS", name: "Contacts", unit: "COUNT", polarity: "NEITHER", decimals: 0, suppressSmallNumbers: false,
          value: 1337, lastMonth: 1861, lastYear: 1200, vsLastMonth: { movement: "DOWN", verdict: "DOWN" }, vsLastYear: { movement: "UP", verdict: "UP" },
          changeVsLastMonth: "-524 (-28.2%)", changeVsLastYear: "+137 (+11.4%)",
          comparators: [{ label: "England", periodLabel: "2018-19", value: 2400000, source: null, comparable: false }] },
        { ...base, code: "SMALL", name: "=HYPERLINK(\"http://evil\")", unit: "COUNT", polarity: "LOWER_IS_BETTER", decimals: 0, suppressSmallNumbers: true,
          value: 9, lastMonth: null, lastYear: 12, suppressed: { value: false, lastMonth: true, lastYear: false },
          vsLastYear: { movement: "DOWN", verdict: "IMPROVED" }, changeVsLastMonth: "c", changeVsLastYear: "-3 (-25.0%)", note: "Two late recorded" },
        { ...base, code: "REF_RPT_PCT", name: "Re-referrals", unit: "PERCENT", polarity: "LOWER_IS_BETTER", decimals: 1, suppressSmallNumbers: false,
          value: 22.46, lastMonth: 20.1, lastYear: null, notAvailableReason: null,
          target: { value: 20, tolerance: 2, fromMonth: "2018-04" }, rag: "RED", vsLastMonth: { movement: "UP", verdict: "WORSE" },
          comparators: [
            { label: "England", periodLabel: "2017-18", value: 21.9, source: null, comparable: true },
            { label: "England", periodLabel: "2018-19", value: 22.6, source: "CIN census", comparable: true },
          ] },
        { ...base, code: "MISSING", name: "Visits", unit: "RATE_PER_10K", polarity: "HIGHER_IS_BETTER", decimals: 1, suppressSmallNumbers: false,
          value: null, lastMonth: 5, lastYear: 4, notAvailableReason: "System outage" },
      ],
    }],
  };
}
