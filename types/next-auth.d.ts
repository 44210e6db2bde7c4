import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    /** authAt: when this session signed in (ms), to end sessions older than User.sessionsValidFrom. */
    user: { id: string; name: string; email: string; role: Role; authAt: number };
  }
}
