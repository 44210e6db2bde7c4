// GET /packs/calendar.ics: the panel dates as an iCalendar feed, each with its pack's link once published.
import { NextResponse } from "next/server";
import { defineRoute, textRefusal } from "@/lib/define-route";
import { buildMeetingFeed } from "@/lib/calendar/meeting-feed";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  // Signed in, or anyone when PUBLIC_PACKS=true: buildMeetingFeed decides, as for the packs.
  permission: "public",
  // Read by calendar programs: a status and a line of text, never a sign-in page.
  refuse: (refusal) =>
    refusal.status >= 500 ? textRefusal(refusal) : new NextResponse(`${refusal.message}.\n`, { status: refusal.status }),
  handler: async ({ request, user }) => {
    const body = await buildMeetingFeed(user, process.env.NEXTAUTH_URL?.replace(/\/$/, "") || request.nextUrl.origin);
    return new NextResponse(body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="scrutiny-panel.ics"',
        "cache-control": "no-store",
      },
    });
  },
});
