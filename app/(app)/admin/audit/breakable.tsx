// Long unbroken text such as email addresses and ids, with line-break chances after "@", ".", "-"
// and "_", so a table column can wrap it at sensible points instead of growing or scrolling.
import { Fragment } from "react";

export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[@._-])/);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </>
  );
}
