// GOV.UK pagination: previous and next, the first and last page, and the pages around this one
// (the audit log, the rows of an import's preview).
const PREV = "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z";
const NEXT = "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z";

function Arrow({ d, kind }: { d: string; kind: "prev" | "next" }) {
  return (
    <svg
      className={`govuk-pagination__icon govuk-pagination__icon--${kind}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d={d} />
    </svg>
  );
}

/** Page numbers to show, with null for a gap: 1 … 4 5 6 … 20. */
export function pageItems(page: number, pageCount: number): (number | null)[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const items: (number | null)[] = [];
  for (const n of wanted) {
    const last = items[items.length - 1];
    if (typeof last === "number" && n - last > 1) items.push(null);
    items.push(n);
  }
  return items;
}

/** `label` names what is paged, for the navigation landmark ("Pages of the audit log"). */
export function Pagination({
  label,
  page,
  pageCount,
  hrefFor,
}: {
  label: string;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={hrefFor(page - 1)} rel="prev">
            <Arrow d={PREV} kind="prev" />
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageItems(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipsis">
              &ctdot;
            </li>
          ) : (
            <li key={n} className={`govuk-pagination__item${n === page ? " govuk-pagination__item--current" : ""}`}>
              <a
                className="govuk-link govuk-pagination__link"
                href={hrefFor(n)}
                aria-label={`Page ${n}`}
                aria-current={n === page ? "page" : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <Arrow d={NEXT} kind="next" />
          </a>
        </div>
      ) : null}
    </nav>
  );
}
