"use client";
// A page's <title> set from inside the page, for pages whose title Next.js metadata cannot give: the
// 404 and 403 shown in place of the page that refused (whose generateMetadata has already run).
// React 19 puts the <title> in the head on the server render; the effect makes sure it wins over the
// metadata title after hydration and client navigation. `text` is the whole title (pageTitle()).
import { useEffect } from "react";

export function PageTitle({ text }: { text: string }) {
  useEffect(() => {
    document.title = text;
  }, [text]);
  return <title>{text}</title>;
}
