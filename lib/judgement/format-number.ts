// Numbers as the pack prints them: thousands separators, the indicator's decimal places, and the
// unit in words ("58.0%", "934.2 per 10,000"); changes with a sign and, for counts and rates, the
// relative change ("-524 (-28.2%)").
import type { Unit } from "@/lib/generated/prisma/enums";
import { roundTo } from "@/lib/judgement/round";
import { relativeChangeText, SAME_WORDS } from "@/lib/judgement/movement-words";

export type NumberRules = { unit: Unit; decimals: number };

const formatters = new Map<number, Intl.NumberFormat>();
function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    formatters.set(decimals, f);
  }
  return f;
}

const placesFor = (rules: NumberRules) => (rules.unit === "COUNT" ? 0 : Math.max(0, Math.min(10, Math.trunc(rules.decimals))));

/** A bare number: 1337 -> "1,337"; (58, 1) -> "58.0". Rounded half away from zero. */
export function formatNumber(value: number, decimals: number): string {
  const places = Math.max(0, Math.min(10, Math.trunc(decimals)));
  return formatter(places).format(roundTo(value, places));
}

/** A value with its unit: "1,337", "58.0%", "934.2 per 10,000". Counts never show decimals. */
export function formatValue(value: number, rules: NumberRules): string {
  const text = formatNumber(value, placesFor(rules));
  if (rules.unit === "PERCENT") return `${text}%`;
  if (rules.unit === "RATE_PER_10K") return `${text} per 10,000`;
  return text;
}

/**
 * A value for a table whose row already names the unit ("Referral rate per 10,000"): rates drop
 * "per 10,000" so columns stay narrow; percentages keep "%". (934.2 -> "934.2", 58 -> "58.0%").
 */
export function formatTableValue(value: number, rules: NumberRules): string {
  return rules.unit === "RATE_PER_10K" ? formatNumber(value, placesFor(rules)) : formatValue(value, rules);
}

/** The unit in words, for column headings and hints. */
export const UNIT_LABEL: Record<Unit, string> = { COUNT: "Number", PERCENT: "Percentage", RATE_PER_10K: "Rate per 10,000 children" };

const signed = (text: string, n: number) => (n > 0 ? `+${text}` : text);

/**
 * The change from `previous` to `current`, compared as displayed (so it agrees with the direction of
 * travel): "About the same" when both read the same.
 * - counts and rates: absolute change, then the relative change to 1 place when previous is not 0:
 *   (1337, 1861) -> "-524 (-28.2%)"; (934.2, 921.0) -> "+13.2 (+1.4%)".
 * - percentages: the difference in percentage points, as a relative change of a percentage misleads:
 *   (58.0, 80.0) -> "-22.0 percentage points".
 * Negative numbers use the ASCII hyphen-minus, as the Word pack did.
 */
export function formatChange(current: number, previous: number, rules: NumberRules): string {
  const places = placesFor(rules);
  const a = roundTo(current, places);
  const b = roundTo(previous, places);
  const diff = roundTo(a - b, places);
  if (diff === 0) return SAME_WORDS;
  const absolute = signed(formatNumber(diff, places), diff);
  if (rules.unit === "PERCENT") return `${absolute} percentage point${Math.abs(diff) === 1 ? "" : "s"}`;
  if (b === 0) return absolute;
  // A relative change too small to show is "less than 0.1%", never "+0.0%".
  const relative = relativeChangeText(diff, b, 1);
  return `${absolute} (${relative.startsWith("less") ? relative : `${diff > 0 ? "+" : "-"}${relative}`})`;
}
