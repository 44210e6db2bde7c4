import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can, type Action } from "@/lib/auth/permissions";
import { countCatalogue } from "@/lib/home/home-summary";

export const metadata: Metadata = { title: "Administration" };

const AREAS: { href: string; title: string; description: string; action: Action }[] = [
  {
    href: "/admin/indicators",
    title: "Indicators",
    description: "The catalogue: definitions, units, targets and comparators such as the England figures.",
    action: "indicator.manage",
  },
  {
    href: "/admin/sections",
    title: "Sections",
    description: "The order of the pack's sections and which service leads own each one.",
    action: "section.manage",
  },
  {
    href: "/admin/national",
    title: "DfE national data",
    description:
      "Published figures for England, the regions and every authority, the council's DfE number and statistical neighbours, and which measure each indicator is compared with.",
    action: "national.manage",
  },
  {
    href: "/admin/population",
    title: "Child population",
    description:
      "The number of children aged 0 to 17 in each year (ONS mid-year estimates), used for every rate worked out from the Annex A lists.",
    action: "population.manage",
  },
  { href: "/admin/users", title: "Users", description: "Accounts, roles, deactivation and password resets.", action: "user.manage" },
  {
    href: "/admin/reminders",
    title: "Reminder emails",
    description: "Deadline reminders to the people who owe each step: when they go, and sending them now.",
    action: "reminders.send",
  },
  { href: "/admin/audit", title: "Audit log", description: "Who changed what and when, across the whole service.", action: "audit.view" },
];

export default async function AdminPage() {
  const user = await requirePermission("admin.view");
  const counts = await countCatalogue();
  return (
    <>
      <h1 className="govuk-heading-xl">Administration</h1>
      <p className="govuk-body">
        {counts.indicators} active indicators in {counts.sections} sections, {counts.users} active users and {counts.periods} periods.
      </p>
      <ul className="govuk-list">
        {AREAS.filter((a) => can(user.role, a.action)).map((a) => (
          <li key={a.href} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
              <Link className="govuk-link" href={a.href}>
                {a.title}
              </Link>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-0">{a.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
