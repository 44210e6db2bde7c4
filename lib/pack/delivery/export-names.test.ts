import { describe, expect, it } from "vitest";
import { councilSlug, exportFilename } from "@/lib/pack/delivery/export-names";

describe("download file names", () => {
  it("names the council by its place", () => {
    expect(councilSlug("Northbridge City Council")).toBe("northbridge");
    expect(councilSlug("Kent County Council")).toBe("kent");
    expect(councilSlug("London Borough of Tower Hamlets")).toBe("tower-hamlets");
    expect(councilSlug("Royal Borough of Kingston upon Thames")).toBe("kingston-upon-thames");
    expect(councilSlug("Wirral Metropolitan Borough Council")).toBe("wirral");
    expect(councilSlug("Brighton & Hove City Council")).toBe("brighton-hove");
    expect(councilSlug("Cyngor Sir Ynys Môn")).toBe("cyngor-sir-ynys-mon");
    expect(councilSlug("Council")).toBe("council");
    expect(councilSlug('../../etc/passwd"; x')).toBe("etc-passwd-x");
  });
  it("puts council, month and version in the name", () => {
    expect(exportFilename("Northbridge City Council", "2019-08", 1, "csv")).toBe("northbridge-performance-pack-2019-08-v1.csv");
    expect(exportFilename("Northbridge City Council", "2019-07", 2, "pdf")).toBe("northbridge-performance-pack-2019-07-v2.pdf");
  });
});
