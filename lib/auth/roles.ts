// Roles as the app names them to people.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["ADMIN", "SERVICE_LEAD", "DIRECTOR", "PANEL_MEMBER"] as const satisfies readonly Role[];

export const roleLabel: Record<Role, string> = {
  ADMIN: "Administrator",
  SERVICE_LEAD: "Service lead",
  DIRECTOR: "Director",
  PANEL_MEMBER: "Scrutiny panel member",
};

export type SessionUser = { id: string; name: string; email: string; role: Role };
