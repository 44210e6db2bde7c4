import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { PackPage } from "@/components/pack/pack-page";
import { previewPageModel } from "@/lib/pack/render/pack-page-model";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { loadForPage } from "@/lib/page-guards";
import { findPackView } from "@/lib/pack/delivery/find-pack";
import { pdfAvailable } from "@/lib/pack/delivery/pdf-available";
import { parseVersionParam } from "@/lib/pack/delivery/export-http";
import { formatMonth } from "@/lib/format/dates";
import { PrintButton } from "./print-button";
import { appConfig } from "@/lib/config/app";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ period: string }>;
  searchParams: Promise<{ version?: string | string[]; preview?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: `Performance pack, ${formatMonth(period)}` };
}

export default async function PackPageRoute({ params, searchParams }: Props) {
  const { period: month } = await params;
  const q = await searchParams;
  const user = await getCurrentUser();
  if (!user && !appConfig.publicPacks) redirect(`/login?callbackUrl=${encodeURIComponent(`/packs/${month}`)}`);
  // ?version=abc, -1 or 999999999999 is an address that does not exist, as for the downloads.
  const v = parseVersionParam(typeof q.version === "string" ? q.version : q.version === undefined ? null : "");
  if (!v.ok) notFound();
  const version = v.version;
  const view = await loadForPage(findPackView(user, month, { version, preview: q.preview === "1" }));

  if (view.kind === "tampered") {
    const staff = user && can(user.role, "pack.verifyIntegrity");
    return (
      <PageShell user={user}>
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <h1 className="govuk-error-summary__title">
            {!staff
              ? "This pack cannot be shown"
              : view.unreadable
                ? `Version ${view.version} of the ${formatMonth(view.month)} pack cannot be read`
                : `Version ${view.version} of the ${formatMonth(view.month)} pack failed its integrity check`}
          </h1>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">
              {!staff
                ? "The pack could not be checked, so it is not shown. Your administrator has been told."
                : view.unreadable
                  ? `The stored pack cannot be read because ${view.unreadable}. It is not shown to anyone. Restore it from a backup, or sign off an amendment.`
                  : "The stored pack does not match the hash recorded when it was signed off, so it may have been changed outside Scrutiny Pack. It is not shown to anyone. Restore it from a backup, or sign off an amendment."}
            </p>
          </div>
        </div>
      </PageShell>
    );
  }

  // Usually the stored page answers before this renders (lib/pack/delivery/serve-pack-request.ts); this
  // draws the same PackPage for what that leaves to Next: a version staff see before it is published,
  // and any request the stored page could not answer.
  return (
    <PageShell user={user}>
      <PackPage
        model={
          view.kind === "frozen"
            ? {
                month,
                kind: "frozen" as const,
                snapshot: view.snapshot,
                charts: view.snapshot.charts,
                version: view.version,
                published: view.published,
                publishedAt: view.publishedAt,
                supersededByVersion: view.supersededByVersion,
                latestPublishedVersion: view.latestPublishedVersion,
                amendments: view.amendments,
                pdfAvailable: pdfAvailable(),
                questions: view.published ? view.questions : null,
              }
            : previewPageModel(month, view, pdfAvailable())
        }
        audience={user?.role ?? "PUBLIC"}
        printControl={<PrintButton />}
      />
    </PageShell>
  );
}
