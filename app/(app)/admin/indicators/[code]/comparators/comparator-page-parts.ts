// Shared by the add and change comparator pages: the indicator they belong to and the unit suffix.
import "server-only";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { findIndicatorForEdit } from "@/lib/catalogue/find-indicator";

export async function loadIndicatorForComparator(code: string) {
  const user = await requirePermission("indicator.manage");
  const indicator = await findIndicatorForEdit(user, decodeURIComponent(code));
  if (!indicator) notFound();
  const suffix = indicator.unit === "PERCENT" ? "%" : indicator.unit === "RATE_PER_10K" ? "per 10,000" : "";
  return { indicator, suffix };
}
