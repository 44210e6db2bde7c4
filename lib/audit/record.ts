// Audit events are written inside the transaction that makes the change, with the actor's name
// copied in so the record survives renames and deletions. Each is chained to the one before it
// (lib/audit/audit-chain.ts); the table refuses updates and deletes (the append_only_audit migration).
import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_CHAIN_LOCK, chainLink } from "@/lib/audit/audit-chain";
import { integrityKeys } from "@/lib/integrity/keys";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  periodMonth?: string | null;
  before?: unknown;
  after?: unknown;
};

type Actor = Pick<SessionUser, "id" | "name" | "role"> | { id: null; name: string; role: null };

// Through JSON once, so the value hashed is the value jsonb stores (undefined keys dropped, dates as text).
const plain = (v: unknown) => (v === undefined || v === null ? null : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));
// No before (a creation) or no after (a deletion) leaves the column null. Prisma.skip, not
// undefined: strictUndefinedChecks refuses an undefined anywhere in a query.
const column = (v: Prisma.InputJsonValue | null) => (v === null ? Prisma.skip : v);

export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  const { current } = integrityKeys("audit-chain");
  // Held until this transaction ends, so the next event reads this one's hash (committed) as its
  // predecessor: two events written at once can never both link to the same one. Events are few
  // (one per change), and the transactions that write them short.
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const [next] = await tx.$queryRaw<{ id: bigint; at: Date; previous: string | null; isolation: string }[]>`
    select nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) as id,
           now() as at,
           (select hash from "AuditEvent" where hash is not null order by id desc limit 1) as previous,
           current_setting('transaction_isolation') as isolation`;
  // Only READ COMMITTED reads what was committed while this transaction waited for the lock.
  if (next.isolation !== "read committed") throw new Error(`recordAudit needs a READ COMMITTED transaction, not ${next.isolation}`);
  // The column keeps milliseconds; the link covers exactly what is stored.
  const at = new Date(next.at);
  const before = plain(input.before);
  const after = plain(input.after);
  const content = {
    id: BigInt(next.id),
    at,
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    periodMonth: input.periodMonth ?? null,
    before,
    after,
  };
  await tx.auditEvent.create({
    data: {
      ...content,
      before: column(before),
      after: column(after),
      hash: chainLink(current, next.previous ?? "", content),
      hashKeyId: current.id,
    },
  });
}

export const SYSTEM_ACTOR = { id: null, name: "System", role: null } as const;
