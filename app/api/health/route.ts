// GET /api/health: 200 when the app and its database answer, 503 otherwise.
import { defineRoute } from "@/lib/define-route";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  // Polled by load balancers: no session is read, so a slow or missing database is a 503 here, never a 500.
  permission: "public",
  session: false,
  handler: async () => {
    const ok = await checkDatabase();
    return Response.json(
      { status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unreachable" },
      { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  },
});
