import { PageShell } from "@/components/page-shell";
import { getCurrentUser } from "@/lib/auth/current-user";

export default async function Forbidden() {
  const user = await getCurrentUser();
  return (
    <PageShell user={user}>
      <h1 className="govuk-heading-l">You do not have access to this page</h1>
      <p className="govuk-body">Your role does not include this part of Scrutiny Pack. If you think it should, ask an administrator.</p>
      <p className="govuk-body"><a className="govuk-link" href="/">Go to your home page</a></p>
    </PageShell>
  );
}
