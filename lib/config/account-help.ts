// Whom someone who has forgotten their password contacts (the sign-in page's "Forgotten your password?"):
// ACCOUNT_HELP_NAME (who, e.g. "the performance team"), ACCOUNT_HELP_EMAIL and ACCOUNT_HELP_PHONE, each optional.
export type AccountHelpContact = { name: string; email?: string; phone?: string };

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

export function accountHelpContact(env: Record<string, string | undefined> = process.env): AccountHelpContact {
  const name = env.ACCOUNT_HELP_NAME?.trim() || "your Scrutiny Pack administrator";
  const email = env.ACCOUNT_HELP_EMAIL?.trim();
  const phone = env.ACCOUNT_HELP_PHONE?.trim();
  return {
    name,
    // Only something that is an address becomes a mailto link.
    ...(email && EMAIL.test(email) ? { email } : {}),
    ...(phone ? { phone } : {}),
  };
}
