import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadForPage } from "@/lib/page-guards";
import { listPublishedPacks } from "@/lib/pack/delivery/find-pack";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { appConfig } from "@/lib/config/app";
import { GovukTable } from "@/components/govuk-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Published packs" };

export default async function PacksPage() {
  const user = await getCurrentUser();
  if (!user && !appConfig.publicPacks) redirect("/login?callbackUrl=%2Fpacks");
  const packs = await loadForPage(listPublishedPacks(user));
  return (
    <PageShell user={user}>
      <h1 className="govuk-heading-xl">Published packs</h1>
      <GovukTable
        caption="Published packs, newest first"
        captionHidden
        scroll={{ label: "Published packs", className: "app-scroll-region--spaced" }}
        rows={packs}
        rowKey={(p) => p.month}
        empty="No packs have been published yet."
        columns={[
          {
            header: "Month",
            rowHeader: true,
            cell: (p) => (
              <a className="govuk-link" href={`/packs/${p.month}`}>
                {formatMonth(p.month)}
              </a>
            ),
          },
          { header: "Panel meeting", cell: (p) => (p.panelMeetingDate ? formatDate(p.panelMeetingDate) : "None") },
          { header: "Version", cell: (p) => p.version },
          { header: "Published", cell: (p) => formatDate(p.publishedAt) },
        ]}
      />
    </PageShell>
  );
}
