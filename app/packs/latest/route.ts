// GET /packs/latest: the latest published pack, for the committee system to link to.
import { NextResponse } from "next/server";
import { defineRoute, textRefusal } from "@/lib/define-route";
import { findLatestPublishedMonth } from "@/lib/calendar/meeting-feed";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  // Signed in, or anyone when PUBLIC_PACKS=true: findLatestPublishedMonth decides, as for the packs.
  permission: "public",
  // A link people follow: signed out, they sign in and come back here.
  refuse: (refusal, { request }) => {
    if (refusal.status === 401) return NextResponse.redirect(new URL("/login?callbackUrl=%2Fpacks%2Flatest", request.nextUrl.origin));
    if (refusal.status >= 500) return textRefusal(refusal);
    return new NextResponse(`${refusal.message}.\n`, { status: refusal.status });
  },
  handler: async ({ request, user }) => {
    const month = await findLatestPublishedMonth(user);
    if (!month)
      return new NextResponse("No pack has been published yet.\n", {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    return NextResponse.redirect(new URL(`/packs/${month}`, request.nextUrl.origin), {
      status: 302,
      headers: { "cache-control": "no-store" },
    });
  },
});
