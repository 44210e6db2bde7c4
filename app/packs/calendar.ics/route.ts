// GET /packs/calendar.ics: the panel dates as an iCalendar feed, each with its pack's link once published.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { buildMeetingFeed } from "@/lib/calendar/meeting-feed";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  try {
    const body = await buildMeetingFeed(await getCurrentUser(), process.env.NEXTAUTH_URL?.replace(/\/$/, "") || request.nextUrl.origin);
    return new NextResponse(body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="scrutiny-panel.ics"',
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (isAppError(e) && (e.code === "UNAUTHENTICATED" || e.code === "FORBIDDEN"))
      return new NextResponse(`${e.message}.\n`, { status: e.code === "UNAUTHENTICATED" ? 401 : 403 });
    throw e;
  }
}
