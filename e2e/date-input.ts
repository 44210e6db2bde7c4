// Filling a GOV.UK date input (components/form/date-input.tsx) as a person does: each box in turn,
// found by its group's legend. A YYYY-MM-DD date fills day, month and year; a YYYY-MM month, month and year.
import type { Locator, Page } from "@playwright/test";

export function dateGroup(scope: Page | Locator, legend: string): Locator {
  return scope.getByRole("group", { name: legend, exact: true });
}

export async function fillDate(scope: Page | Locator, legend: string, iso: string): Promise<void> {
  const group = dateGroup(scope, legend);
  const [year, month, day] = iso.split("-");
  if (day !== undefined) await group.getByLabel("Day", { exact: true }).fill(String(Number(day)));
  await group.getByLabel("Month", { exact: true }).fill(month === undefined ? "" : String(Number(month)));
  await group.getByLabel("Year", { exact: true }).fill(year ?? "");
}
