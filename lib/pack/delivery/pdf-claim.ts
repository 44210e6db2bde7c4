// A claim in the database on making one version's PDF, so that however many app servers are asked
// for it at once, one of them renders it and the others wait for the stored copy (lib/pack/delivery/pdf-pack.ts).
// A lease rather than a lock held open: no connection is tied up for the seconds a render takes, and a
// server that dies mid-render holds the version only until its lease runs out.
import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db";

/** Longer than any render (Chromium's own timeouts are 60 s per step): after it, another server may take over. */
export const PDF_CLAIM_LEASE_SECONDS = 180;

/** Who this process is, in the claim row (for whoever reads it while debugging). */
const SERVER = `${os.hostname()}:${process.pid}`;

/**
 * Claims the render of a version's PDF: a token when this caller may render it, null while another
 * holds an unexpired claim. One statement, so of any number of concurrent callers exactly one wins.
 */
export async function claimPdfRender(packVersionId: string, leaseSeconds = PDF_CLAIM_LEASE_SECONDS): Promise<string | null> {
  const token = `${SERVER}:${randomUUID()}`;
  const won = await db.$queryRaw<{ packVersionId: string }[]>`
    INSERT INTO "PackPdfRender" ("packVersionId", "claimedBy", "claimedAt") VALUES (${packVersionId}::uuid, ${token}, now())
    ON CONFLICT ("packVersionId") DO UPDATE SET "claimedBy" = EXCLUDED."claimedBy", "claimedAt" = EXCLUDED."claimedAt"
    WHERE "PackPdfRender"."claimedBy" IS NULL OR "PackPdfRender"."claimedAt" < now() - make_interval(secs => ${leaseSeconds})
    RETURNING "packVersionId"`;
  return won.length === 1 ? token : null;
}

/** Gives the claim up (only the holder's own token does), counting the render if one was stored. */
export async function releasePdfRender(packVersionId: string, token: string, rendered: boolean): Promise<void> {
  await db.$executeRaw`
    UPDATE "PackPdfRender" SET "claimedBy" = NULL, "claimedAt" = NULL, renders = renders + ${rendered ? 1 : 0}
    WHERE "packVersionId" = ${packVersionId}::uuid AND "claimedBy" = ${token}`;
}

/** Whether some server holds an unexpired claim on the version (so its PDF is on its way). */
export async function pdfRenderClaimed(packVersionId: string, leaseSeconds = PDF_CLAIM_LEASE_SECONDS): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "PackPdfRender"
    WHERE "packVersionId" = ${packVersionId}::uuid AND "claimedBy" IS NOT NULL AND "claimedAt" >= now() - make_interval(secs => ${leaseSeconds})`;
  return rows[0].n > 0;
}
