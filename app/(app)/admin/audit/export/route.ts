// GET /admin/audit/export: the audit log as CSV, with the same filters as the page (audit.view).
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/auth/permissions";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { AppError, ERROR_STATUS, isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const user = await getCurrentUser();
    assertCan(user, "audit.view");
    const { filters, errors } = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
    if (Object.keys(errors).length) throw new AppError("VALIDATION", Object.values(errors).join(". "), errors);
    const { page: _page, ...wanted } = filters;
    const body = await exportAuditCsv(user, wanted);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e)) return Response.json({ error: e.message, fields: e.fieldErrors }, { status: ERROR_STATUS[e.code] });
    console.error("GET /admin/audit/export failed", e);
    return Response.json({ error: "Sorry, the export did not work. Try again." }, { status: 500 });
  }
}
