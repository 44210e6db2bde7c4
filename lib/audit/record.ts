// Audit events are written inside the transaction that makes the change, with the actor's name
// copied in so the record survives renames and deletions.
import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  periodMonth?: string | null;
  before?: unknown;
  after?: unknown;
};

type Actor = Pick<SessionUser, "id" | "name" | "role"> | { id: null; name: string; role: null };

// No before (a creation) or no after (a deletion) leaves the column null. Prisma.skip, not
// undefined: strictUndefinedChecks refuses an undefined anywhere in a query.
const json = (v: unknown) => (v === undefined || v === null ? Prisma.skip : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      periodMonth: input.periodMonth ?? null,
      before: json(input.before),
      after: json(input.after),
    },
  });
}

export const SYSTEM_ACTOR = { id: null, name: "System", role: null } as const;
