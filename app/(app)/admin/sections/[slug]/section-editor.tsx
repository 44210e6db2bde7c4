"use client";
// A section's name and owners: two forms, one error summary and one success banner at the top of
// the page for whichever was used last. A refused save keeps what was typed and ticked.
import { useActionState, useState, type ReactNode } from "react";
import { Checkboxes } from "@/components/form/checkboxes";
import { ErrorSummary } from "@/components/form/error-summary";
import { SuccessBanner } from "../../indicators/success-banner";
import { renameSectionAction, setSectionOwnersAction } from "./actions";
import { TextInput } from "@/components/form/text-input";

type Person = { id: string; name: string; email: string };
type Props = {
  section: { id: string; name: string; version: string; ownerIds: string[] };
  leads: Person[];
  formerLeads: (Person & { active: boolean })[];
  heading: ReactNode;
  notice?: string | null;
};

export function SectionEditor({ section, leads, formerLeads, heading, notice }: Props) {
  const [rename, renameAction, renaming] = useActionState(renameSectionAction, null);
  const [owners, ownersAction, savingOwners] = useActionState(setSectionOwnersAction, null);
  const [last, setLast] = useState<"rename" | "owners" | null>(null);
  const latest = last === "rename" ? rename : last === "owners" ? owners : null;
  const failed = latest && !latest.ok ? latest : null;
  const renameFailed = last === "rename" && rename && !rename.ok ? rename : null;
  const ownersFailed = last === "owners" && owners && !owners.ok ? owners : null;
  const ticked = new Set(ownersFailed?.values ? (ownersFailed.values.ownerIds ?? "").split(",").filter(Boolean) : section.ownerIds);
  const nameError = renameFailed?.fieldErrors.name;
  const ownersError = ownersFailed?.fieldErrors.ownerIds;
  const people = [
    ...leads.map((p) => ({ ...p, note: "" })),
    ...formerLeads.map((p) => ({ ...p, note: p.active ? " (no longer a service lead)" : " (deactivated)" })),
  ];

  return (
    <>
      <ErrorSummary errors={failed?.fieldErrors ?? {}} message={failed?.message} idFor={(f) => (f === "ownerIds" ? "owners" : "name")} />
      {latest?.ok ? <SuccessBanner heading={latest.message ?? "Saved"} /> : !latest && notice ? <SuccessBanner heading={notice} /> : null}
      {heading}
      <form action={renameAction} onSubmit={() => setLast("rename")} noValidate>
        <input type="hidden" name="id" value={section.id} />
        <input type="hidden" name="expectedUpdatedAt" value={section.version} />
        <TextInput
          key={rename?.at ?? 0}
          id="name"
          heading="h2"
          labelSize="m"
          label="Name"
          error={nameError}
          defaultValue={renameFailed?.values?.name ?? section.name}
          hint="Renaming keeps the section's web address, so links to it keep working."
        />
        <button
          type="submit"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          disabled={renaming}
          aria-disabled={renaming}
        >
          Rename section
        </button>
      </form>

      <form action={ownersAction} onSubmit={() => setLast("owners")} noValidate>
        <input type="hidden" name="id" value={section.id} />
        <input type="hidden" name="expectedUpdatedAt" value={section.version} />
        {people.length ? (
          <Checkboxes
            key={owners?.at ?? 0}
            id="owners"
            name="ownerIds"
            legend="Owners"
            legendSize="m"
            legendHeading="h2"
            error={ownersError}
            hint="The service leads who enter this section's figures and write its commentary. Select all that apply."
            options={people.map((p) => ({
              value: p.id,
              label: (
                <>
                  {p.name}
                  {p.note}
                </>
              ),
              hint: p.email,
            }))}
            checked={[...ticked]}
          />
        ) : (
          <>
            <h2 className="govuk-heading-m">Owners</h2>
            <p className="govuk-body">There are no active service leads. Add one under Users first.</p>
          </>
        )}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={savingOwners} aria-disabled={savingOwners}>
          Save owners
        </button>
      </form>
    </>
  );
}
