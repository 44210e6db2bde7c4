// Outgoing email through SMTP (nodemailer). Enabled only when SMTP_HOST is set.
import "server-only";
import nodemailer from "nodemailer";

export const emailEnabled = () => Boolean(process.env.SMTP_HOST);

// One transport per SMTP setting (the settings are read each time, so a changed one takes effect).
let transport: { key: string; t: nodemailer.Transporter } | undefined;

export async function sendEmail(to: string[], subject: string, text: string): Promise<void> {
  if (!emailEnabled() || to.length === 0) return;
  const port = Number(process.env.SMTP_PORT ?? 587);
  const key = `${process.env.SMTP_HOST}:${port}:${process.env.SMTP_USER ?? ""}`;
  if (transport?.key !== key) {
    transport = {
      key,
      t: nodemailer.createTransport({
        host: process.env.SMTP_HOST,
        port,
        secure: port === 465,
        auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? "" } : undefined,
      }),
    };
  }
  await transport.t.sendMail({ from: process.env.SMTP_FROM ?? "Scrutiny Pack <no-reply@localhost>", to, subject, text });
}
