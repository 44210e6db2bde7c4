// Mail never goes in the clear by accident: STARTTLS is required unless SMTP_ALLOW_PLAIN=true says a
// plain server is meant (the test catcher). Checked on the options, and on a real SMTP server that
// offers no STARTTLS, as a stripped offer would look.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCatcher } from "@/test/smtp-catcher";
import { smtpTransportOptions } from "@/lib/notifications/smtp-options";
import { sendEmail } from "@/lib/notifications/send-email";

describe("smtpTransportOptions", () => {
  it("requires STARTTLS on 587 (the default) and any port but 465, where TLS starts at once", () => {
    expect(smtpTransportOptions({ SMTP_HOST: "mail.example" })).toMatchObject({ port: 587, secure: false, requireTLS: true });
    expect(smtpTransportOptions({ SMTP_HOST: "mail.example", SMTP_PORT: "25" })).toMatchObject({ secure: false, requireTLS: true });
    expect(smtpTransportOptions({ SMTP_HOST: "mail.example", SMTP_PORT: "465" })).toMatchObject({ port: 465, secure: true });
  });

  it("sends without TLS only when SMTP_ALLOW_PLAIN is true", () => {
    expect(smtpTransportOptions({ SMTP_HOST: "127.0.0.1", SMTP_ALLOW_PLAIN: "true" })).toMatchObject({ requireTLS: false });
    expect(smtpTransportOptions({ SMTP_HOST: "127.0.0.1", SMTP_ALLOW_PLAIN: "yes" })).toMatchObject({ requireTLS: true });
  });
});

describe("sendEmail to a server that offers no STARTTLS", () => {
  let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(catcher.port);
  });
  afterEach(() => {
    delete process.env.SMTP_ALLOW_PLAIN;
  });
  afterAll(async () => {
    delete process.env.SMTP_HOST;
    delete process.env.SMTP_PORT;
    await catcher.close();
  });

  it("refuses to send, so nothing crosses the network in the clear", async () => {
    await expect(sendEmail(["lead@test.example"], "Reminder", "Commentary is due")).rejects.toThrow(/STARTTLS/i);
    expect(catcher.mails).toEqual([]);
  });

  it("sends in the clear when SMTP_ALLOW_PLAIN=true says so", async () => {
    process.env.SMTP_ALLOW_PLAIN = "true";
    await sendEmail(["lead@test.example"], "Reminder", "Commentary is due");
    expect(catcher.mails.map((m) => [m.to, m.subject])).toEqual([[["lead@test.example"], "Reminder"]]);
  });
});
