import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadForPage } from "@/lib/page-guards";
import { listPublishedPacks } from "@/lib/pack/delivery/find-pack";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { TableHead } from "@/components/table-head";
import { appConfig } from "@/lib/config/app";
import { ScrollRegion } from "@/components/scroll-region";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Published packs" };

export default async function PacksPage() {
  const user = await getCurrentUser();
  if (!user && !appConfig.publicPacks) redirect("/login?callbackUrl=%2Fpacks");
  const packs = await loadForPage(listPublishedPacks(user));
  return (
    <PageShell user={user}>
      <h1 className="govuk-heading-xl">Published packs</h1>
      {packs.length === 0 ? (
        <p className="govuk-body">No packs have been published yet.</p>
      ) : (
        <ScrollRegion label="Published packs" className="app-scroll-region--spaced">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Published packs, newest first</caption>
            <TableHead columns={["Month", "Panel meeting", "Version", "Published"]} />
            <tbody className="govuk-table__body">
              {packs.map((p) => (
                <tr className="govuk-table__row" key={p.month}>
                  <th scope="row" className="govuk-table__header">
                    <a className="govuk-link" href={`/packs/${p.month}`}>
                      {formatMonth(p.month)}
                    </a>
                  </th>
                  <td className="govuk-table__cell">{p.panelMeetingDate ? formatDate(p.panelMeetingDate) : "None"}</td>
                  <td className="govuk-table__cell">{p.version}</td>
                  <td className="govuk-table__cell">{formatDate(p.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </PageShell>
  );
}
