import { describe, expect, it } from "vitest";
import { catalogueFiltersQuery, parseCatalogueFilters } from "@/lib/catalogue/catalogue-filters";

const ids = ["a1", "b2"];

describe("catalogue filters in the address", () => {
  it("reads known values and ignores unknown ones", () => {
    expect(parseCatalogueFilters({ q: "  visits ", section: "b2", status: "inactive" }, ids)).toEqual({
      q: "visits",
      section: "b2",
      status: "inactive",
    });
    expect(parseCatalogueFilters({ section: "zz", status: "deleted" }, ids)).toEqual({ q: "", section: "", status: "all" });
    expect(parseCatalogueFilters({ q: ["first", "second"] }, ids).q).toBe("first");
  });
  it("writes only the filters in use, and round-trips", () => {
    expect(catalogueFiltersQuery({ q: "", section: "", status: "all" })).toBe("");
    const query = catalogueFiltersQuery({ q: "cp plans", section: "a1", status: "active" });
    expect(query).toBe("?q=cp+plans&section=a1&status=active");
    expect(parseCatalogueFilters(Object.fromEntries(new URLSearchParams(query)), ids)).toEqual({
      q: "cp plans",
      section: "a1",
      status: "active",
    });
  });
});
