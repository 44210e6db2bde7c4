// What each role may do, in the words the role radios show.
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES, roleLabel } from "@/lib/auth/roles";

const ROLE_HINTS: Record<Role, string> = {
  ADMIN: "Manages users, sections, indicators and periods, imports figures and reads the audit log.",
  SERVICE_LEAD: "Enters figures and writes commentary for the sections they own.",
  DIRECTOR: "Reviews commentary, then signs off and publishes each month's pack.",
  PANEL_MEMBER: "Reads published packs.",
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ role, label: roleLabel[role], hint: ROLE_HINTS[role] }));
