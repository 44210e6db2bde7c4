// A GOV.UK table's header row from column names; "numeric" columns align right with their figures.
export type Column = string | { text: string; numeric?: boolean };

export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((c) => {
          const { text, numeric } = typeof c === "string" ? { text: c, numeric: false } : c;
          return (
            <th key={text} scope="col" className={`govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}`}>
              {text}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
