// The catalogue table's filters as they appear in the address (?q=&section=&status=), so a filtered
// view survives going to an indicator and back, and the filter form works without JavaScript.
export type CatalogueStatus = "all" | "active" | "inactive";
export type CatalogueFilters = { q: string; section: string; status: CatalogueStatus };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function parseCatalogueFilters(
  params: Record<string, string | string[] | undefined>,
  sectionIds: readonly string[],
): CatalogueFilters {
  const q = first(params.q).trim().slice(0, 100);
  const section = first(params.section);
  const status = first(params.status);
  return {
    q,
    section: sectionIds.includes(section) ? section : "",
    status: status === "active" || status === "inactive" ? status : "all",
  };
}

export function catalogueFiltersQuery(f: CatalogueFilters): string {
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.section) params.set("section", f.section);
  if (f.status !== "all") params.set("status", f.status);
  const s = params.toString();
  return s ? `?${s}` : "";
}
