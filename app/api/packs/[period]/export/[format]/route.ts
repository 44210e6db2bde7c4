// GET /packs/[period].csv|.xlsx|.json (rewritten here by next.config.ts): the pack's frozen figures
// as CSV or Excel, or its snapshot as JSON with its hash; same readers and versions as the pack page.
import { appConfig } from "@/lib/config/app";
import { defineRoute } from "@/lib/define-route";
import { exportPack } from "@/lib/pack/delivery/export-pack";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/pack/delivery/export-names";
import { downloadHeaders, downloadRefusal, packCacheControl, parseVersionParam, plainPage } from "@/lib/pack/delivery/export-http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const isFormat = (f: string): f is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(f);
const packHref = (month: string) => `/packs/${encodeURIComponent(month)}`;

export const GET = defineRoute<{ period: string; format: string }>({
  // Signed in, or anyone when PUBLIC_PACKS=true: exportPack decides, as the pack page does.
  permission: "public",
  refuse: ({ status, message }, { params }) => downloadRefusal(status, message, packHref(params.period)),
  handler: async ({ request, user, params: { period: month, format } }) => {
    const v = parseVersionParam(request.nextUrl.searchParams.get("version"));
    if (!isFormat(format) || !v.ok)
      return plainPage(404, "Page not found", "There is no such download of this pack.", {
        href: packHref(month),
        text: "Back to the pack",
      });
    const file = await exportPack(user, { month, version: v.version, format });
    const cacheControl = packCacheControl({
      publicPacks: appConfig.publicPacks,
      published: file.published,
      versionAddressed: v.version !== undefined,
      personal: !file.published,
    });
    const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
    return new Response(body, { headers: downloadHeaders(format, file.filename, cacheControl) });
  },
});
