// A pack page as one HTML document: the app's own frame and navigation (PageFrame, NavList) around
// PackPage, the charts as inline SVG, one stylesheet (lib/pack/render/pack-css.ts) and no script at
// all. So the bytes can be stored once, served to every reader of a role as a static file would be,
// and printed to PDF by Chromium with no server behind it (lib/pack/delivery/pdf-render.ts).
// Runs where react-dom/server may: the renderer's child process (scripts/pack/render-pack-pages.ts) and
// tests. Next's server layer cannot import it (react-dom/server is refused under "react-server").
import { renderToStaticMarkup } from "react-dom/server";
import { PageFrame } from "@/components/page-frame";
import { PackPage } from "@/components/pack/pack-page";
import { pageTitle } from "@/lib/config/app";
import { formatMonth } from "@/lib/format/dates";
import type { PackAudience, PackPageModel } from "@/lib/pack/render/pack-page-model";

/** `stylesheet`: the href the page links its stylesheet at (packStylesheetHref). */
export function renderPackPageHtml(model: PackPageModel, audience: PackAudience, stylesheet: string): string {
  const reader = audience === "PUBLIC" ? null : ({ kind: "role", role: audience } as const);
  const markup = renderToStaticMarkup(
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle(`Performance pack, ${formatMonth(model.month)}`)}</title>
        <meta name="description" content="Monthly children's services performance packs for the scrutiny panel" />
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body className="govuk-template__body">
        <PageFrame reader={reader} pathname={`/packs/${model.month}`}>
          <PackPage model={model} audience={audience} />
        </PageFrame>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${markup}`;
}
