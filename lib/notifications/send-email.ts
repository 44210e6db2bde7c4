// Outgoing email through SMTP (nodemailer). Enabled only when SMTP_HOST is set.
import "server-only";
import nodemailer from "nodemailer";
import { smtpTransportOptions } from "@/lib/notifications/smtp-options";

export const emailEnabled = () => Boolean(process.env.SMTP_HOST);

// One transport per SMTP setting (the settings are read each time, so a changed one takes effect).
let transport: { key: string; t: nodemailer.Transporter } | undefined;

export async function sendEmail(to: string[], subject: string, text: string): Promise<void> {
  if (!emailEnabled() || to.length === 0) return;
  const options = smtpTransportOptions();
  const key = JSON.stringify([options.host, options.port, options.requireTLS, process.env.SMTP_USER ?? ""]);
  if (transport?.key !== key) transport = { key, t: nodemailer.createTransport(options) };
  await transport.t.sendMail({ from: process.env.SMTP_FROM ?? "Scrutiny Pack <no-reply@localhost>", to, subject, text });
}
