// 404 inside the signed-in area: rendered within this group's layout, which already draws the page
// shell (without this file Next would use app/not-found.tsx and draw a second shell inside the first).
import { PageNotFoundContent } from "@/components/access-error-content";

export default function NotFound() {
  return <PageNotFoundContent />;
}
