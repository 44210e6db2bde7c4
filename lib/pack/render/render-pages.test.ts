// The pack page renderer's own process (scripts/pack/render-pack-pages.ts under tsx), as the server
// uses it: started on the first render, kept for the next, answering each render with its pages in
// order and compiling the stylesheet; and a bad job fails that render alone. Other tests render in
// their own process (test/pages-in-process.ts); this one goes through the real one.
import { describe, expect, it } from "vitest";
import { compilePackStylesheet, renderInChildProcess } from "@/lib/pack/render/render-pages";
import type { PackPageModel } from "@/lib/pack/render/pack-page-model";
import { sampleSnapshot } from "@/test/pack-fixtures";

function model(month: string): PackPageModel {
  const { charts, ...snapshot } = sampleSnapshot(month, 1);
  return {
    month,
    kind: "frozen",
    snapshot,
    charts,
    version: 1,
    published: true,
    publishedAt: "2019-08-15T16:00:00.000Z",
    supersededByVersion: null,
    latestPublishedVersion: 1,
    amendments: [],
    pdfAvailable: false,
    questions: null,
  };
}

describe("the pack page renderer's process", () => {
  it("renders each job's audiences in order, and the next render in the same process", async () => {
    const [[panel, publicPage], [director]] = await renderInChildProcess([
      { model: model("2019-07"), audiences: ["PANEL_MEMBER", "PUBLIC"] },
      { model: model("2019-06"), audiences: ["DIRECTOR"] },
    ]);
    expect(panel).toMatch(/^<!DOCTYPE html>/);
    expect(panel).toContain("Performance pack, July 2019");
    expect(panel).toContain("Signed in as a scrutiny panel member");
    expect(publicPage).not.toContain("Signed in");
    expect(director).toContain("Performance pack, June 2019");
    expect(director).toContain("Signed in as a director");
    const [[again]] = await renderInChildProcess([{ model: model("2019-07"), audiences: ["PANEL_MEMBER"] }]);
    expect(again).toBe(panel);
  }, 60_000);

  it("compiles the stylesheet the pages link to", async () => {
    expect(await compilePackStylesheet()).toContain(".govuk-template");
  }, 60_000);

  it("fails a render whose job it cannot draw, and still draws the next", async () => {
    const broken = { ...model("2019-07"), snapshot: null } as unknown as PackPageModel;
    await expect(renderInChildProcess([{ model: broken, audiences: ["PUBLIC"] }])).rejects.toThrow(/Pack page rendering failed/);
    const [[page]] = await renderInChildProcess([{ model: model("2019-07"), audiences: ["PUBLIC"] }]);
    expect(page).toContain('id="pack-title"');
  }, 60_000);
});
