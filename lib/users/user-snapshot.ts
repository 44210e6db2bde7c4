// The part of an account that audit events record. Password hashes never leave the users table:
// an audit row is readable by every administrator and exported as CSV.
import type { Role } from "@/lib/generated/prisma/enums";

type UserRow = { name: string; email: string; role: Role; active: boolean; lockedUntil: Date | null; failedSignIns: number };

export function userSnapshot(user: UserRow) {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    active: user.active,
    lockedUntil: user.lockedUntil,
    failedSignIns: user.failedSignIns,
  };
}
