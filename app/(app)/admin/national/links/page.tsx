import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { findMeasureLinks } from "@/lib/national/find-national-overview";
import { LinkForm } from "../national-forms";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { GovukTable } from "@/components/govuk-table";

export const metadata: Metadata = { title: "Link indicators to DfE measures" };

const UNIT = { COUNT: "count", PERCENT: "percentage", RATE_PER_10K: "rate per 10,000" } as const;
const POLARITY = { HIGHER_IS_BETTER: "higher is better", LOWER_IS_BETTER: "lower is better", NEITHER: "neither" } as const;

type IndicatorLinks = Awaited<ReturnType<typeof findMeasureLinks>>["indicators"][number];

/** The measures an indicator may be linked to: the compatible suggestions first, then the other compatible measures. */
function linkOptions(ind: IndicatorLinks) {
  const compatible = new Set(ind.compatible.map((m) => m.code));
  const options = [
    ...ind.suggestions.filter((s) => compatible.has(s.code)),
    ...ind.compatible.filter((m) => !ind.suggestions.some((s) => s.code === m.code)),
  ].map((m) => ({ code: m.code, label: `${m.code}: ${m.name}` }));
  // A link made before the measure's unit or polarity changed stays visible.
  if (ind.nationalMeasureCode && !options.some((o) => o.code === ind.nationalMeasureCode))
    options.unshift({ code: ind.nationalMeasureCode, label: ind.nationalMeasureCode });
  return options;
}

export default async function MeasureLinksPage() {
  const user = await requirePermission("national.manage");
  const { indicators, measureCount } = await findMeasureLinks(user);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", text: "Administration" },
          { href: "/admin/national", text: "DfE national data" },
        ]}
      />
      <span className="govuk-caption-l">DfE national data</span>
      <h1 className="govuk-heading-xl">Link indicators to DfE measures</h1>
      <p className="govuk-body">
        Each indicator can be compared with one of DfE&rsquo;s {measureCount} measures: the pack then shows England, the region and the
        statistical neighbours&rsquo; average for it, each with its own year. Suggestions come from the words the names and definitions
        share; only a measure with the same unit and polarity can be linked.
      </p>
      <GovukTable
        caption="Indicators and their DfE measures"
        captionHidden
        captionId="links-caption"
        scroll={{ labelledBy: "links-caption" }}
        rows={indicators}
        rowKey={(ind) => ind.id}
        columns={[
          {
            header: "Indicator",
            rowHeader: true,
            cell: (ind) => (
              <>
                {ind.name}
                <br />
                <span className="app-muted govuk-body-s">{ind.code}</span>
              </>
            ),
          },
          {
            header: "Unit and polarity",
            cell: (ind) => (
              <>
                {UNIT[ind.unit]}, {POLARITY[ind.polarity]}
              </>
            ),
          },
          {
            header: "Suggested measures",
            cellClassName: "govuk-body-s",
            cell: (ind) =>
              ind.suggestions.length ? (
                <ul className="govuk-list govuk-body-s">
                  {ind.suggestions.slice(0, 3).map((s) => (
                    <li key={s.code}>
                      <code>{s.code}</code> {s.name}
                      {s.problem ? <span className="app-muted"> (cannot be linked: {s.problem})</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                "None"
              ),
          },
          {
            header: "Linked measure",
            cell: (ind) => <LinkForm indicatorId={ind.id} code={ind.code} current={ind.nationalMeasureCode} options={linkOptions(ind)} />,
          },
        ]}
      />
    </>
  );
}
