// Reading a frozen snapshot back from the database. The stored JSON is checked against the shape
// of its schema version before anything shows it: a snapshot this build knows (schema 1 to 7) is
// read as it was signed off; anything else is refused with a reason, never half-shown.
import { z } from "zod";
import { MeasureType, Polarity, Role, Unit } from "@/lib/generated/prisma/enums";
import { SNAPSHOT_SCHEMA, type PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { monthSchema } from "@/lib/validation/month";
import { packProvenanceSchema } from "@/lib/annex-a/provenance";

const direction = z.object({ movement: z.enum(["UP", "DOWN", "SAME"]), verdict: z.enum(["IMPROVED", "WORSE", "NO_CHANGE", "UP", "DOWN"]) });
const month = monthSchema();

const areaFigure = z.object({ year: z.string(), yearLabel: z.string(), value: z.number().nullable(), symbol: z.string().nullable() });
// DfE's comparators (schema 4): absent from older snapshots.
const national = z.object({
  measureCode: z.string(),
  measureName: z.string(),
  england: areaFigure.nullable(),
  region: areaFigure.extend({ name: z.string() }).nullable(),
  neighbours: z
    .object({ year: z.string(), yearLabel: z.string(), mean: z.number().nullable(), count: z.number().int(), of: z.number().int() })
    .nullable(),
  own: areaFigure
    .extend({ rank: z.number().int().nullable(), of: z.number().int().nullable(), quartile: z.number().int().nullable() })
    .nullable(),
});

const action = z.object({
  description: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(["OPEN", "DONE", "DROPPED"]),
  droppedReason: z.string().nullable(),
  fromMonth: month,
});

const indicator = z.object({
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.enum(Unit),
  polarity: z.enum(Polarity),
  measureType: z.enum(MeasureType),
  decimals: z.number().int(),
  suppressSmallNumbers: z.boolean(),
  value: z.number().nullable(),
  suppressed: z.object({ value: z.boolean(), lastMonth: z.boolean(), lastYear: z.boolean() }),
  unsigned: z.object({ lastMonth: z.boolean(), lastYear: z.boolean() }).optional(),
  notAvailableReason: z.string().nullable(),
  note: z.string().nullable(),
  revised: z.boolean(),
  lastMonth: z.number().nullable(),
  lastYear: z.number().nullable(),
  target: z.object({ value: z.number(), tolerance: z.number(), fromMonth: month }).nullable(),
  rag: z.enum(["GREEN", "AMBER", "RED"]).nullable(),
  vsLastMonth: direction.nullable(),
  vsLastYear: direction.nullable(),
  changeVsLastMonth: z.string().nullable(),
  changeVsLastYear: z.string().nullable(),
  comparators: z.array(
    z.object({ label: z.string(), periodLabel: z.string(), value: z.number(), source: z.string().nullable(), comparable: z.boolean() }),
  ),
  national: national.nullable().optional(),
  // Schema 5: where a computed figure came from.
  provenance: packProvenanceSchema.nullable().optional(),
  trend: z.array(
    z.object({ month, value: z.number().nullable(), suppressed: z.literal(true).optional(), unsigned: z.literal(true).optional() }),
  ),
  summary: z.string(),
  exception: z.boolean(),
  // Schema 3: actions on exceptions and how long each has been on the list.
  exceptionSince: month.optional(),
  actions: z.array(action).optional(),
  resolvedActions: z.array(action).optional(),
});

const section = z.object({
  name: z.string(),
  slug: z.string(),
  owners: z.array(z.string()),
  commentary: z
    .object({
      body: z.string(),
      authors: z.array(z.object({ name: z.string(), initials: z.string(), role: z.enum(Role) })),
      approvedByName: z.string().nullable(),
      approvedAt: z.string().nullable(),
    })
    .nullable(),
  indicators: z.array(indicator),
});

// Schema 6: the panel's recommendations.
const recommendation = z.object({
  number: z.number().int().positive(),
  meetingDate: z.string(),
  text: z.string(),
  addressedTo: z.string(),
  responseDue: z.string(),
  status: z.enum(["AWAITING_RESPONSE", "ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "IMPLEMENTED", "CLOSED"]),
  response: z.object({ reasons: z.string(), at: z.string(), byName: z.string() }).nullable(),
  actions: z.array(z.object({ description: z.string(), ownerName: z.string(), dueDate: z.string() })),
  latestUpdate: z.object({ body: z.string(), at: z.string(), byName: z.string() }).nullable(),
  closed: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
  indicators: z.array(z.object({ code: z.string(), name: z.string() })),
  sections: z.array(z.object({ slug: z.string(), name: z.string() })),
});

/** Every schema version this build can read. Earlier schemas differ from later ones only in what they may leave out. */
export const READABLE_SCHEMAS = [1, 2, 3, 4, 5, 6, SNAPSHOT_SCHEMA] as const;
const isReadableSchema = (schema: unknown): schema is (typeof READABLE_SCHEMAS)[number] => READABLE_SCHEMAS.some((n) => n === schema);

export const packSnapshotSchema: z.ZodType<PackSnapshot> = z.object({
  schema: z.union(READABLE_SCHEMAS.map((n) => z.literal(n))),
  council: z.string(),
  title: z.string(),
  month,
  panelMeetingDate: z.string(),
  version: z.number().int().positive(),
  signedOff: z.object({ name: z.string(), role: z.enum(Role), at: z.string() }),
  amendmentReason: z.string().nullable(),
  sections: z.array(section),
  recommendations: z.array(recommendation).optional(),
  charts: z.record(z.string(), z.string()),
});

export type SnapshotRead = { ok: true; snapshot: PackSnapshot } | { ok: false; reason: string };

/**
 * The stored JSON as a PackSnapshot, or why it cannot be read. The stored object itself is returned
 * (not zod's copy), so the JSON download and its hash stay byte for byte what was signed off.
 */
export function readSnapshot(json: unknown): SnapshotRead {
  const schema = (json as { schema?: unknown } | null)?.schema;
  if (!isReadableSchema(schema)) {
    return {
      ok: false,
      reason: `it was stored as snapshot schema ${JSON.stringify(schema ?? null)}, and this version of Scrutiny Pack reads schemas ${READABLE_SCHEMAS.join(", ").replace(/, (\d+)$/, " and $1")}`,
    };
  }
  const parsed = packSnapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `its ${issue.path.join(".") || "content"} does not match snapshot schema ${schema} (${issue.message})` };
  }
  return { ok: true, snapshot: json as PackSnapshot };
}
