// GET /api/periods/[period]/values.csv: the month's stored values as CSV in the import's layout (period.view).
import { getCurrentUser } from "@/lib/auth/current-user";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { CONTENT_TYPES } from "@/lib/pack/delivery/export-names";
import { plainPage } from "@/lib/pack/delivery/export-http";
import { exportMonthValuesCsv } from "@/lib/values/month-values-csv";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const TITLES: Record<number, string> = {
  401: "Sign in to download values",
  403: "You do not have access to this month's values",
  404: "Page not found",
};

export async function GET(_request: Request, { params }: { params: Promise<{ period: string }> }) {
  const { period: month } = await params;
  const valuesHref = `/periods/${encodeURIComponent(month)}/values`;
  try {
    const file = await exportMonthValuesCsv(await getCurrentUser(), month);
    return new Response(file.body, {
      headers: {
        "Content-Type": CONTENT_TYPES.csv,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        // Live figures, personal to staff: kept by no cache.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e)) {
      const status = ERROR_STATUS[e.code] ?? 400;
      const link =
        status === 401
          ? { href: `/login?callbackUrl=${encodeURIComponent(valuesHref)}`, text: "Sign in" }
          : status === 404
            ? { href: "/periods", text: "See the periods" }
            : { href: "/", text: "Go to the home page" };
      return plainPage(status, TITLES[status] ?? "There is a problem", e.message, link);
    }
    console.error(`GET /api/periods/${encodeURIComponent(month)}/values.csv failed`, e);
    return plainPage(500, "Sorry, there is a problem with the service", "The download did not work. Try again later.", {
      href: valuesHref,
      text: "Back to the values",
    });
  }
}
