// A pack's figures as a download (CSV, Excel or JSON), for whoever may read that version of the pack:
// the same readers and version rules as the pack page (findPackView), from the frozen snapshot only.
import "server-only";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { appConfig } from "@/lib/config/app";
import { findPackView } from "@/lib/pack/delivery/find-pack";
import { buildCsv, buildJson, buildXlsx } from "@/lib/pack/delivery/export-files";
import { exportFilename, type ExportFormat } from "@/lib/pack/delivery/export-names";

export type PackExport = { body: string | Buffer; filename: string; version: number; published: boolean };

export const TAMPERED_MESSAGE =
  "This pack failed its integrity check (the stored pack does not match the hash recorded at sign-off), so it cannot be downloaded. Your administrator has been told.";

/** The frozen, verified version the reader asked for; a draft preview has no downloads. */
export async function findFrozenPack(user: SessionUser | null, month: string, version: number | undefined) {
  const view = await findPackView(user, month, { version });
  if (view.kind === "tampered") throw new AppError("CONFLICT", TAMPERED_MESSAGE);
  if (view.kind !== "frozen") throw new AppError("NOT_FOUND", "There is no signed-off pack for that month yet");
  return view;
}

export async function exportPack(
  user: SessionUser | null,
  input: { month: string; version?: number; format: ExportFormat },
): Promise<PackExport> {
  const view = await findFrozenPack(user, input.month, input.version);
  const meta = { month: view.snapshot.month, version: view.version, publishedAt: view.publishedAt, contentHash: view.contentHash };
  const body =
    input.format === "csv"
      ? buildCsv(view.snapshot)
      : input.format === "xlsx"
        ? await buildXlsx(view.snapshot, meta)
        : buildJson(view.snapshot, meta);
  return {
    body,
    filename: exportFilename(appConfig.councilName, input.month, view.version, input.format),
    version: view.version,
    published: view.published,
  };
}
