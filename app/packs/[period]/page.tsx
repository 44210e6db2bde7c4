import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { PackDocument } from "@/components/pack/pack-document";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { loadForPage } from "@/lib/page-guards";
import { findPackView } from "@/lib/pack/delivery/find-pack";
import { pdfAvailable } from "@/lib/pack/delivery/pdf-available";
import { parseVersionParam } from "@/lib/pack/delivery/export-http";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { PrintButton } from "./print-button";
import { appConfig } from "@/lib/config/app";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ period: string }>;
  searchParams: Promise<{ version?: string | string[]; preview?: string; render?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: `Performance pack, ${formatMonth(period)}` };
}

export default async function PackPage({ params, searchParams }: Props) {
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

  const isPreview = view.kind === "preview";
  const banner = isPreview ? (
    <div className="govuk-warning-text app-pack-banner" role="note">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>Draft: not signed off. These figures and commentary can still change.
      </strong>
    </div>
  ) : view.supersededByVersion ? (
    <div className="govuk-warning-text app-pack-banner" role="note">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>Superseded by version {view.supersededByVersion}.{" "}
        <a className="govuk-link" href={`/packs/${month}?version=${view.supersededByVersion}`}>
          Read version {view.supersededByVersion}
        </a>
      </strong>
    </div>
  ) : !view.published ? (
    <div className="govuk-warning-text app-pack-banner" role="note">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>Signed off, not yet published: the panel cannot see this version yet.
      </strong>
    </div>
  ) : null;
  // render=stored: the HTML that pages/api/pack-page/[period].ts stores once and serves to every reader,
  // so no reader's name, no navigation (placeholders instead) and no JavaScript (no Print button).
  const stored = q.render === "stored" && view.kind === "frozen";
  const versionQuery = !isPreview && view.version !== view.latestPublishedVersion ? `?version=${view.version}` : "";
  const tools = (
    <div className="app-pack-tools app-no-print">
      {stored ? (
        <p className="govuk-body-s app-print-hint">
          To print this pack, or save it as a PDF, use your browser&apos;s print command (Ctrl+P, or Cmd+P on a Mac): it prints in the A4
          layout.
        </p>
      ) : (
        <PrintButton />
      )}
      {!isPreview && view.published && pdfAvailable() ? (
        <a className="govuk-button govuk-button--secondary" href={`/packs/${month}/pdf${versionQuery}`}>
          Download PDF
        </a>
      ) : null}
      {!isPreview && view.published ? (
        <p className="govuk-body-s">
          Download the figures:{" "}
          <a className="govuk-link" href={`/packs/${month}.csv${versionQuery}`}>
            CSV
          </a>
          ,{" "}
          <a className="govuk-link" href={`/packs/${month}.xlsx${versionQuery}`}>
            Excel
          </a>
          ,{" "}
          <a className="govuk-link" href={`/packs/${month}.json${versionQuery}`}>
            JSON with its hash
          </a>
          {view.publishedAt ? `. Published ${formatDate(view.publishedAt)}.` : "."}
        </p>
      ) : null}
    </div>
  );
  return (
    <PageShell user={user} stored={stored}>
      <PackDocument
        snapshot={view.snapshot}
        charts={view.kind === "frozen" ? view.snapshot.charts : null}
        signed={!isPreview}
        amendments={view.amendments}
        banner={banner}
        tools={tools}
      />
    </PageShell>
  );
}
