// GET /api/periods/[period]/values.csv: the month's stored values as CSV in the import's layout (period.view).
import { defineRoute } from "@/lib/define-route";
import { CONTENT_TYPES } from "@/lib/pack/delivery/export-names";
import { plainPage } from "@/lib/pack/delivery/export-http";
import { exportMonthValuesCsv } from "@/lib/values/month-values-csv";
import { SESSION_CACHE_CONTROL } from "@/lib/security/cache-control";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const TITLES: Record<number, string> = {
  401: "Sign in to download values",
  403: "You do not have access to this month's values",
  404: "Page not found",
};

const valuesHref = (month: string) => `/periods/${encodeURIComponent(month)}/values`;

export const GET = defineRoute<{ period: string }>({
  permission: "period.view",
  // A download link followed in a browser: each refusal is a small page saying what to do next.
  refuse: ({ status, message }, { params: { period: month } }) => {
    if (status >= 500)
      return plainPage(500, "Sorry, there is a problem with the service", "The download did not work. Try again later.", {
        href: valuesHref(month),
        text: "Back to the values",
      });
    const link =
      status === 401
        ? { href: `/login?callbackUrl=${encodeURIComponent(valuesHref(month))}`, text: "Sign in" }
        : status === 404
          ? { href: "/periods", text: "See the periods" }
          : { href: "/", text: "Go to the home page" };
    return plainPage(status, TITLES[status] ?? "There is a problem", message, link);
  },
  handler: async ({ user, params: { period: month } }) => {
    const file = await exportMonthValuesCsv(user, month);
    return new Response(file.body, {
      headers: {
        "Content-Type": CONTENT_TYPES.csv,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        // Live figures, personal to staff: kept by no cache.
        "Cache-Control": SESSION_CACHE_CONTROL,
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
