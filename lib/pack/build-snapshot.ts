// Builds the frozen pack from live data, inside the sign-off transaction: values, 24-month trends,
// targets in force, RAG, direction of travel, comparators, commentary with its authors, owners.
import "server-only";
import type { Tx } from "@/lib/db";
import { appConfig } from "@/lib/config/app";
import { addMonths, formatMonth } from "@/lib/format/dates";
import { formatPanelChange, formatValue, isSuppressed, judgeMonth } from "@/lib/judgement";
import type { Role } from "@/lib/generated/prisma/enums";
import { SNAPSHOT_SCHEMA, type PackSnapshot, type SnapshotIndicator, type SnapshotSection } from "@/lib/pack/snapshot-types";

export const PACK_TITLE = "Children's Services Performance Overview";
const TREND_MONTHS = 24;

export const initialsOf = (name: string) => name.replace(/^(Cllr|Dr|Mr|Mrs|Ms|Miss)\.?\s+/i, "").split(/\s+/).filter(Boolean).map((w) => w[0].toUpperCase()).join("");

type BuildInput = {
  period: { id: string; month: string; panelMeetingDate: Date };
  version: number;
  signer: { name: string; role: Role };
  signedAt: Date;
  amendmentReason: string | null;
};

/** The one-line summary under each chart: "Down from 1,861 to 1,337 since July". */
export function summaryLine(ind: Pick<SnapshotIndicator, "value" | "lastMonth" | "unit" | "decimals" | "notAvailableReason" | "suppressed">, month: string): string {
  const since = formatMonth(addMonths(month, -1)).split(" ")[0];
  const rules = { unit: ind.unit, decimals: ind.decimals };
  if (ind.suppressed.value || ind.suppressed.lastMonth) return `A small number (shown as c) this month or in ${since}`;
  if (ind.value === null) return ind.notAvailableReason ? `Not available this month: ${ind.notAvailableReason}` : "No figure this month";
  if (ind.lastMonth === null) return `${formatValue(ind.value, rules)} this month; no figure for ${since}`;
  const now = formatValue(ind.value, rules);
  const before = formatValue(ind.lastMonth, rules);
  if (now === before) return `No change at ${now} since ${since}`;
  return `${ind.value > ind.lastMonth ? "Up" : "Down"} from ${before} to ${now} since ${since}`;
}

export async function buildSnapshot(tx: Tx, input: BuildInput): Promise<Omit<PackSnapshot, "charts">> {
  const { month } = input.period;
  const first = addMonths(month, -(TREND_MONTHS - 1));
  const lastYearMonth = addMonths(month, -12);
  const trendMonths = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(first, i));

  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const sections = await tx.section.findMany({
      orderBy: { order: "asc" },
      include: {
        owners: { include: { user: { select: { name: true } } } },
        indicators: { where: { active: true }, orderBy: { order: "asc" }, include: { targets: true, comparators: { orderBy: [{ periodLabel: "asc" }, { label: "asc" }] } } },
      },
    });
  const values = await tx.indicatorValue.findMany({
      where: { period: { month: { gte: first, lte: month } }, indicator: { active: true } },
      select: { indicatorId: true, value: true, notAvailableReason: true, note: true, revisedAfterSubmission: true, period: { select: { month: true } } },
    });
  const commentaries = await tx.commentary.findMany({
      where: { periodId: input.period.id },
      include: { revisions: { orderBy: { number: "asc" }, select: { authorName: true, authorRole: true } }, reviewComments: { where: { action: "APPROVE" }, orderBy: { createdAt: "desc" }, take: 1 } },
    });
  const byKey = new Map(values.map((v) => [`${v.indicatorId}|${v.period.month}`, v]));

  const snapshotSections: SnapshotSection[] = sections.map((section) => {
    const c = commentaries.find((x) => x.sectionId === section.id);
    const authors = new Map<string, { name: string; initials: string; role: Role }>();
    for (const r of c?.revisions ?? []) if (!authors.has(r.authorName)) authors.set(r.authorName, { name: r.authorName, initials: initialsOf(r.authorName), role: r.authorRole });
    const approval = c?.reviewComments[0];
    return {
      name: section.name,
      slug: section.slug,
      owners: section.owners.map((o) => o.user.name).sort(),
      commentary: c && c.body ? { body: c.body, authors: [...authors.values()], approvedByName: approval?.authorName ?? null, approvedAt: c.approvedAt?.toISOString() ?? null } : null,
      indicators: section.indicators.map((ind) => {
        const at = (m: string) => byKey.get(`${ind.id}|${m}`);
        const current = at(month);
        const rules = { unit: ind.unit, decimals: ind.decimals, suppressSmallNumbers: ind.suppressSmallNumbers };
        const value = current?.value ?? null;
        const lastMonth = at(addMonths(month, -1))?.value ?? null;
        const lastYear = at(lastYearMonth)?.value ?? null;
        const j = judgeMonth(ind, { month, value, lastMonth, lastYear, targets: ind.targets });
        const suppressed = { value: isSuppressed(value, rules), lastMonth: isSuppressed(lastMonth, rules), lastYear: isSuppressed(lastYear, rules) };
        const hide = (v: number | null, s: boolean) => (s ? null : v);
        const change = (prev: number | null) => (value === null || prev === null ? null : formatPanelChange(value, prev, rules));
        const comparable = ind.unit !== "COUNT";
        const base = {
          code: ind.code, name: ind.name, definition: ind.definition, unit: ind.unit, polarity: ind.polarity, measureType: ind.measureType,
          decimals: ind.decimals, suppressSmallNumbers: ind.suppressSmallNumbers,
          value: hide(value, suppressed.value), suppressed,
          notAvailableReason: current?.notAvailableReason ?? null, note: current?.note ?? null, revised: current?.revisedAfterSubmission ?? false,
          lastMonth: hide(lastMonth, suppressed.lastMonth), lastYear: hide(lastYear, suppressed.lastYear),
          target: j.target, rag: j.rag,
          vsLastMonth: suppressed.value || suppressed.lastMonth ? null : j.vsLastMonth,
          vsLastYear: suppressed.value || suppressed.lastYear ? null : j.vsLastYear,
          changeVsLastMonth: change(lastMonth), changeVsLastYear: change(lastYear),
          comparators: ind.comparators.map((cmp) => ({ label: cmp.label, periodLabel: cmp.periodLabel, value: cmp.value, source: cmp.source, comparable })),
          trend: trendMonths.map((m) => {
            const v = at(m)?.value ?? null;
            return isSuppressed(v, rules) ? { month: m, value: null, suppressed: true as const } : { month: m, value: v };
          }),
        };
        const summary = summaryLine(base, month);
        const exception = j.rag === "RED" || (j.vsLastMonth?.verdict === "WORSE" && j.vsLastYear?.verdict === "WORSE");
        return { ...base, summary, exception };
      }),
    };
  });

  return {
    schema: SNAPSHOT_SCHEMA,
    council: appConfig.councilName,
    title: PACK_TITLE,
    month,
    panelMeetingDate: input.period.panelMeetingDate.toISOString().slice(0, 10),
    version: input.version,
    signedOff: { name: input.signer.name, role: input.signer.role, at: input.signedAt.toISOString() },
    amendmentReason: input.amendmentReason,
    sections: snapshotSections,
  };
}
