// What the pack's downloads are called: the formats, their content types and the file names people
// save, e.g. northbridge-performance-pack-2019-07-v1.csv.

export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat | "pdf", string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  pdf: "application/pdf",
};

/** "Northbridge City Council" -> "northbridge": the place, lower case, safe in any file name. */
export function councilSlug(councilName: string): string {
  const place = councilName
    .replace(/^\s*(the\s+)?(london\s+borough\s+of|royal\s+borough\s+of|city\s+of|county\s+of|borough\s+of)\s+/i, "")
    .replace(
      /\s+(metropolitan\s+borough|metropolitan\s+district|city\s+and\s+county|county\s+borough|city|county|borough|district)?\s*council\s*$/i,
      "",
    );
  const slug = place
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "council";
}

/** northbridge-performance-pack-2019-07-v1.csv */
export function exportFilename(councilName: string, month: string, version: number, ext: ExportFormat | "pdf"): string {
  return `${councilSlug(councilName)}-performance-pack-${month}-v${version}.${ext}`;
}
