// What a council's committee system links to: the latest published pack, and an iCalendar feed of
// the panel dates, each with its pack's address once published. Readers as for packs: signed in,
// or anyone when PUBLIC_PACKS=true.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { appConfig } from "@/lib/config/app";
import { formatMonth } from "@/lib/format/dates";
import { listPublishedPacks, mayReadPacks } from "@/lib/pack/delivery/find-pack";
import { PACK_TITLE } from "@/lib/pack/snapshot/build-snapshot";

export async function findLatestPublishedMonth(user: SessionUser | null): Promise<string | null> {
  return (await listPublishedPacks(user))[0]?.month ?? null;
}

const escapeText = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
    }
    current += ch;
  }
  out.push(current);
  return out.join("\r\n ");
}

export async function buildMeetingFeed(user: SessionUser | null, origin: string, now = new Date()): Promise<string> {
  if (!mayReadPacks(user))
    throw user ? new AppError("FORBIDDEN", "You do not have access to packs") : new AppError("UNAUTHENTICATED", "Sign in to read packs");
  const periods = await db.period.findMany({
    orderBy: { month: "asc" },
    select: {
      id: true,
      month: true,
      panelMeetingDate: true,
      packVersions: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 },
    },
  });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const host = new URL(origin).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${escapeText(appConfig.councilName)}//Scrutiny Pack//EN`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(`${appConfig.councilName}: children's services scrutiny panel`)}`,
  ];
  for (const p of periods) {
    // A history month has no meeting.
    if (!p.panelMeetingDate) continue;
    const day = p.panelMeetingDate.toISOString().slice(0, 10).replace(/-/g, "");
    const next = new Date(p.panelMeetingDate.getTime() + 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
    const published = p.packVersions.length > 0;
    const link = `${origin}/packs/${p.month}`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:period-${p.id}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${next}`,
      `SUMMARY:${escapeText(`Scrutiny panel: ${PACK_TITLE}, ${formatMonth(p.month)}`)}`,
      `DESCRIPTION:${escapeText(published ? `The pack: ${link}` : `The ${formatMonth(p.month)} pack is not published yet.`)}`,
      ...(published ? [`URL:${link}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
