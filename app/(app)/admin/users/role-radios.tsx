// The role choice, as GOV.UK radios with a hint per role. The first radio carries the field's id
// so the error summary link lands on it.
import { Radios } from "@/components/form/radios";
import { ROLE_OPTIONS } from "./role-options";

const OPTIONS = ROLE_OPTIONS.map((o) => ({ value: o.role, label: o.label, hint: o.hint }));

export function RoleRadios({ legend, defaultRole, error, hint }: { legend: string; defaultRole?: string; error?: string; hint?: string }) {
  return <Radios id="role" legend={legend} legendSize="m" hint={hint} error={error} options={OPTIONS} defaultValue={defaultRole} />;
}
