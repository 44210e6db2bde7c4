// The audit log's pages, with the shared GOV.UK pagination.
import { Pagination } from "@/components/pagination";

export function AuditPagination(props: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  return <Pagination label="Pages of the audit log" {...props} />;
}
