import { PageShell } from "@/components/page-shell";
import { getCurrentUser } from "@/lib/auth/current-user";

export default async function NotFound() {
  const user = await getCurrentUser().catch(() => null);
  return (
    <PageShell user={user}>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.</p>
      <p className="govuk-body"><a className="govuk-link" href="/">Go to your home page</a></p>
    </PageShell>
  );
}
