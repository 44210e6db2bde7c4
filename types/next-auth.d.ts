import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    /** authAt: when this session signed in (ms); sid: its UserSession row, checked on every request. */
    user: { id: string; name: string; email: string; role: Role; authAt: number; sid: string };
  }
}
