// GET /admin/audit/export: the audit log as CSV, with the same filters as the page (audit.view).
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { defineRoute } from "@/lib/define-route";
import { AppError } from "@/lib/errors";
import { SESSION_CACHE_CONTROL } from "@/lib/security/cache-control";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "audit.view",
  refuse: ({ status, message, fieldErrors }) =>
    status >= 500
      ? Response.json({ error: "Sorry, the export did not work. Try again." }, { status: 500 })
      : Response.json({ error: message, fields: fieldErrors }, { status }),
  handler: async ({ request, user }) => {
    const { filters, errors } = parseAuditFilters(Object.fromEntries(request.nextUrl.searchParams));
    if (Object.keys(errors).length) throw new AppError("VALIDATION", Object.values(errors).join(". "), errors);
    const { page: _page, ...wanted } = filters;
    const body = await exportAuditCsv(user, wanted);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": SESSION_CACHE_CONTROL,
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
