// The rules for one indicator value, shared by the entry grid and the import: counts are whole
// numbers >= 0, percentages 0-100, rates >= 0, and no more decimal places than the indicator shows.
import type { Unit } from "@/lib/generated/prisma/enums";

export type ValueRules = { unit: Unit; decimals: number };
export type ValueCheck = { ok: true; value: number } | { ok: false; reason: string };

const MAX_VALUE = 1e9;

export function describeRule(rules: ValueRules): string {
  if (rules.unit === "COUNT") return "a whole number, 0 or more";
  const places = rules.decimals === 0 ? "no decimal places" : `up to ${rules.decimals} decimal place${rules.decimals === 1 ? "" : "s"}`;
  return rules.unit === "PERCENT" ? `a percentage from 0 to 100 with ${places}` : `a rate of 0 or more with ${places}`;
}

/** Parses typed or imported text. Accepts "1,337" and "58%" as people write them. */
export function checkValue(raw: string | number | null | undefined, rules: ValueRules): ValueCheck {
  const text = String(raw ?? "").trim();
  if (text === "") return { ok: false, reason: "Enter a value" };
  let cleaned = text.replace(/,(?=\d{3}(\D|$))/g, "");
  if (rules.unit === "PERCENT") cleaned = cleaned.replace(/\s*%$/, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return { ok: false, reason: `"${truncate(text)}" is not a number` };
  const value = Number(cleaned);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_VALUE) return { ok: false, reason: `${truncate(text)} is too large` };
  if (value < 0) return { ok: false, reason: `must be 0 or more (got ${truncate(text)})` };
  if (rules.unit === "PERCENT" && value > 100) return { ok: false, reason: `a percentage must be from 0 to 100 (got ${truncate(text)})` };
  const places = (cleaned.split(".")[1] ?? "").replace(/0+$/, "").length;
  if (rules.unit === "COUNT" && places > 0) return { ok: false, reason: `must be a whole number (got ${truncate(text)})` };
  if (places > rules.decimals)
    return { ok: false, reason: `has more than ${rules.decimals} decimal place${rules.decimals === 1 ? "" : "s"} (got ${truncate(text)})` };
  return { ok: true, value: value === 0 ? 0 : value };
}

const truncate = (s: string) => (s.length > 30 ? `${s.slice(0, 27)}...` : s);

export const MAX_REASON_LENGTH = 500;
export const MAX_NOTE_LENGTH = 1000;
