// The council's own DfE local authority number: it picks the region, the statistical neighbours and
// the council's own published figures. "borrowed" marks a fictional council (the demo) that uses a
// real authority's region and neighbours only, so no real authority's figures are shown as its own.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";

export async function findCouncilSetting(actor: SessionUser | null) {
  assertCan(actor, "national.manage");
  const setting = await db.councilSetting.findUnique({ where: { id: 1 } });
  const named = setting?.laNumber
    ? await db.statisticalNeighbour.findFirst({ where: { laNumber: setting.laNumber }, select: { laName: true, region: true } })
    : null;
  return {
    laNumber: setting?.laNumber ?? null,
    borrowed: setting?.borrowed ?? false,
    laName: named?.laName ?? null,
    region: named?.region ?? null,
  };
}

export async function setCouncilLaNumber(actor: SessionUser | null, input: { laNumber: string; borrowed: boolean }) {
  assertCan(actor, "national.manage");
  const laNumber = input.laNumber.trim();
  if (!/^\d{3}$/.test(laNumber))
    throw new AppError("VALIDATION", "There is a problem", {
      laNumber: "Enter the council's three-digit DfE local authority number, for example 373",
    });
  return db.$transaction(async (tx) => {
    const known = await tx.statisticalNeighbour.findFirst({ where: { laNumber }, select: { laName: true } });
    if (!known)
      throw new AppError("VALIDATION", "There is a problem", {
        laNumber: `${laNumber} is not in DfE's statistical neighbours file: import it first, or check the number`,
      });
    const before = await tx.councilSetting.findUnique({ where: { id: 1 } });
    await tx.councilSetting.upsert({
      where: { id: 1 },
      create: { id: 1, laNumber, borrowed: input.borrowed },
      update: { laNumber, borrowed: input.borrowed },
    });
    await recordAudit(tx, actor, {
      action: "council.laNumberSet",
      entityType: "CouncilSetting",
      entityId: "1",
      before: before ? { laNumber: before.laNumber, borrowed: before.borrowed } : undefined,
      after: { laNumber, borrowed: input.borrowed, laName: known.laName },
    });
    return { laNumber, laName: known.laName };
  });
}
