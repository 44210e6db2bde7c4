// GET /packs/[period].csv|.xlsx|.json (rewritten here by next.config.ts): the pack's frozen figures
// as CSV or Excel, or its snapshot as JSON with its hash; same readers and versions as the pack page.
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { appConfig } from "@/lib/config/app";
import { exportPack } from "@/lib/pack/delivery/export-pack";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/pack/delivery/export-names";
import { downloadErrorResponse, downloadHeaders, packCacheControl, parseVersionParam, plainPage } from "@/lib/pack/delivery/export-http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const isFormat = (f: string): f is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(f);

export async function GET(request: NextRequest, { params }: { params: Promise<{ period: string; format: string }> }) {
  const { period: month, format } = await params;
  const packHref = `/packs/${encodeURIComponent(month)}`;
  const v = parseVersionParam(request.nextUrl.searchParams.get("version"));
  if (!isFormat(format) || !v.ok)
    return plainPage(404, "Page not found", "There is no such download of this pack.", { href: packHref, text: "Back to the pack" });
  try {
    const user = await getCurrentUser();
    const file = await exportPack(user, { month, version: v.version, format });
    const cacheControl = packCacheControl({
      publicPacks: appConfig.publicPacks,
      published: file.published,
      versionAddressed: v.version !== undefined,
      personal: !file.published,
    });
    const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
    return new Response(body, { headers: downloadHeaders(format, file.filename, cacheControl) });
  } catch (e) {
    return downloadErrorResponse(e, `GET ${packHref}.${format}`, packHref);
  }
}
