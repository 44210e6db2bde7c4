// 403 inside the signed-in area: rendered within this group's layout, which already draws the page
// shell (without this file Next would use app/forbidden.tsx and draw a second shell inside the first).
import { ForbiddenContent } from "@/components/access-error-content";

export default function Forbidden() {
  return <ForbiddenContent />;
}
