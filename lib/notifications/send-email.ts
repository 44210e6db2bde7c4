// Outgoing email through SMTP (nodemailer). Enabled only when SMTP_HOST is set.
import "server-only";
import nodemailer from "nodemailer";

export const emailEnabled = () => Boolean(process.env.SMTP_HOST);

let transport: nodemailer.Transporter | undefined;

export async function sendEmail(to: string[], subject: string, text: string): Promise<void> {
  if (!emailEnabled() || to.length === 0) return;
  transport ??= nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? 587),
    secure: Number(process.env.SMTP_PORT ?? 587) === 465,
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? "" } : undefined,
  });
  await transport.sendMail({ from: process.env.SMTP_FROM ?? "Scrutiny Pack <no-reply@localhost>", to, subject, text });
}
