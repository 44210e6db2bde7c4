// 404 inside the signed-in area: rendered within this group's layout, which already draws the page
// shell (without this file Next would use app/not-found.tsx and draw a second shell inside the first).
import type { Metadata } from "next";
import { PageNotFoundContent } from "@/components/access-error-content";

// Next resolves a 404's metadata from the layouts and this file, not the page that refused: without a
// title here the page would keep the layout's generic one.
export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return <PageNotFoundContent />;
}
