// How we talk to the SMTP server, from the environment. Reminders and the director's return comments
// must not cross the network in the clear: on 465 the connection is TLS from the start, and on any
// other port (587 by default) STARTTLS is required, so a server, or someone in between, that strips
// the STARTTLS offer gets no mail rather than plain text. Only SMTP_ALLOW_PLAIN=true (a local mail
// catcher with no TLS, as the tests use) lets mail go without it.
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export function smtpTransportOptions(env: Record<string, string | undefined> = process.env): SMTPTransport.Options {
  const port = Number(env.SMTP_PORT ?? 587);
  const secure = port === 465;
  return {
    host: env.SMTP_HOST,
    port,
    secure,
    requireTLS: !secure && env.SMTP_ALLOW_PLAIN !== "true",
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
  };
}
