// GET /packs/latest: the latest published pack, for the committee system to link to.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { findLatestPublishedMonth } from "@/lib/calendar/meeting-feed";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  try {
    const month = await findLatestPublishedMonth(await getCurrentUser());
    if (!month)
      return new NextResponse("No pack has been published yet.\n", {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    return NextResponse.redirect(new URL(`/packs/${month}`, request.nextUrl.origin), {
      status: 302,
      headers: { "cache-control": "no-store" },
    });
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED")
      return NextResponse.redirect(new URL("/login?callbackUrl=%2Fpacks%2Flatest", request.nextUrl.origin));
    if (isAppError(e) && e.code === "FORBIDDEN") return new NextResponse("You do not have access to packs.\n", { status: 403 });
    throw e;
  }
}
