import type { SessionUser } from "@/lib/auth/roles";
import { findOwnedSections } from "@/lib/home/home-summary";

export async function LeadHome({ user }: { user: SessionUser }) {
  const sections = await findOwnedSections(user);
  return (
    <>
      <h1 className="govuk-heading-xl">Your sections</h1>
      {sections.length === 0 ? (
        <p className="govuk-body">You do not own any sections yet. An administrator assigns sections to service leads.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {sections.map((s) => (
            <li key={s.id}>
              {s.name} ({s._count.indicators} indicators)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
