// Makes the demo council's history real: approved commentary, signed-off and published packs for
// the months before the demo journey, and August 2019 in mixed states for the journey itself.
import "server-only";
import { db } from "@/lib/db";
import { addMonths, formatMonth } from "@/lib/format/dates";
import type { SessionUser } from "@/lib/auth/roles";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";
import { publishPack } from "@/lib/pack/lifecycle/publish-pack";
import { storePackPages } from "@/lib/pack/delivery/stored-pack-pages";
import { demoCommentary } from "@/lib/demo/demo-commentary";
import { seedDemoActions } from "@/lib/demo/demo-actions";
import { DEMO_PANEL_MONTH, seedDemoPanel } from "@/lib/demo/demo-panel";

const JOURNEY_STATES: Record<string, "DRAFT" | null> = {
  demand: null,
  "child-protection": "DRAFT",
  "corporate-parenting": null,
  "care-leavers": "DRAFT",
};

async function figuresFor(sectionId: string, month: string) {
  const indicators = await db.indicator.findMany({
    where: { sectionId, active: true },
    orderBy: { order: "asc" },
    include: {
      values: {
        where: { period: { month: { in: [month, addMonths(month, -1), addMonths(month, -12)] } } },
        include: { period: { select: { month: true } } },
      },
    },
  });
  return indicators.map((i) => ({
    name: i.name,
    unit: i.unit,
    decimals: i.decimals,
    suppressSmallNumbers: i.suppressSmallNumbers,
    current: i.values.find((v) => v.period.month === month)?.value ?? null,
    previous: i.values.find((v) => v.period.month === addMonths(month, -1))?.value ?? null,
    lastYear: i.values.find((v) => v.period.month === addMonths(month, -12))?.value ?? null,
  }));
}

export async function seedDemoPacks(opts: { firstMonth: string; publishedThrough: string; journeyMonth: string }) {
  const director = await db.user.findUniqueOrThrow({ where: { email: "director@northbridge.example" } });
  const directorUser: SessionUser = { id: director.id, name: director.name, email: director.email, role: director.role };
  const sections = await db.section.findMany({ orderBy: { order: "asc" }, include: { owners: { include: { user: true } } } });
  const published: string[] = [];
  let index = 0;
  for (let month = opts.firstMonth; month <= opts.journeyMonth; month = addMonths(month, 1), index++) {
    const period = await db.period.findUniqueOrThrow({ where: { month } });
    const journey = month === opts.journeyMonth;
    for (const s of sections) {
      const owner = s.owners[0]?.user;
      if (!owner) continue;
      const state = journey ? JOURNEY_STATES[s.slug] : "APPROVED";
      if (!state) continue;
      const body = demoCommentary(
        s.slug,
        index,
        await figuresFor(s.id, month),
        formatMonth(month),
        formatMonth(addMonths(month, -1)),
        formatMonth(addMonths(month, -12)),
      );
      const at = new Date(`${addMonths(month, 1)}-10T10:00:00Z`);
      await db.commentary.create({
        data: {
          sectionId: s.id,
          periodId: period.id,
          body,
          status: state,
          version: state === "APPROVED" ? 3 : 1,
          submittedAt: state === "APPROVED" ? at : null,
          firstSubmittedAt: state === "APPROVED" ? at : null,
          approvedAt: state === "APPROVED" ? at : null,
          approvedById: state === "APPROVED" ? director.id : null,
          updatedById: owner.id,
          updatedByName: owner.name,
          revisions: { create: [{ number: 1, body, authorId: owner.id, authorName: owner.name, authorRole: owner.role, createdAt: at }] },
          reviewComments: {
            create:
              state === "APPROVED"
                ? [
                    { action: "SUBMIT", authorId: owner.id, authorName: owner.name, authorRole: owner.role, createdAt: at },
                    { action: "APPROVE", authorId: director.id, authorName: director.name, authorRole: director.role, createdAt: at },
                  ]
                : [],
          },
        },
      });
    }
    // June 2019's leads record actions on its exceptions; July's pack carries them (or shows them resolved).
    if (month === addMonths(opts.publishedThrough, -1)) await seedDemoActions(month);
    if (!journey && month <= opts.publishedThrough) {
      await db.period.update({
        where: { id: period.id },
        data: { commentaryFirstSubmittedAt: new Date(`${addMonths(month, 1)}-10T10:00:00Z`) },
      });
      const signedAt = new Date(`${addMonths(month, 1)}-15T16:00:00Z`);
      await signOffPack(directorUser, { month, expectedPeriodVersion: period.version }, signedAt);
      await publishPack(directorUser, { month, expectedPeriodVersion: period.version + 1 }, new Date(signedAt.getTime() + 3600_000), {
        storePages: false,
      });
      published.push(month);
    }
  }
  // The members' questions on July 2019's pack and its meeting's recommendations: after every sign-off
  // above (none is later than the meeting), so August's pack, once signed off, shows the recommendations.
  if (published.includes(DEMO_PANEL_MONTH)) await seedDemoPanel(DEMO_PANEL_MONTH);
  // Every published month's pages in one renderer process, as publication would have stored them.
  await storePackPages(published);
}
