// A local SMTP server that keeps what it is sent, for tests of outgoing email (no relay, no TLS,
// no auth): enough of RFC 5321 for nodemailer to deliver to it.
import net from "node:net";
import { afterAll, beforeAll } from "vitest";

export type CaughtMail = { from: string; to: string[]; data: string; subject: string; text: string };

/** The body as written: quoted-printable soft line breaks and escapes undone. */
function bodyText(data: string): string {
  const split = data.indexOf("\r\n\r\n");
  const headers = split < 0 ? data : data.slice(0, split);
  const body = split < 0 ? "" : data.slice(split + 4);
  if (!/^Content-Transfer-Encoding:\s*quoted-printable/im.test(headers)) return body;
  const bytes = Buffer.from(
    body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_: string, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  );
  return bytes.toString("utf8");
}

export async function startSmtpCatcher(port = 0): Promise<{ port: number; mails: CaughtMail[]; close: () => Promise<void> }> {
  const mails: CaughtMail[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current: { from: string; to: string[] } = { from: "", to: [] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 catcher ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const data = buffer.slice(0, end).replace(/\r\n\.\./g, "\r\n.");
          buffer = buffer.slice(end + 5);
          inData = false;
          const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(data)?.[1].replace(/\r\n[ \t]/g, " ") ?? "";
          mails.push({ ...current, data, subject, text: bodyText(data) });
          current = { from: "", to: [] };
          reply("250 OK queued");
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 catcher");
        else if (verb === "MAIL") {
          current.from = /<(.*)>/.exec(line)?.[1] ?? "";
          reply("250 OK");
        } else if (verb === "RCPT") {
          current.to.push(/<(.*)>/.exec(line)?.[1] ?? "");
          reply("250 OK");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
          return;
        } else if (verb === "RSET" || verb === "NOOP") reply("250 OK");
        else reply("502 Command not implemented");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return { port: address.port, mails, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Sends a test file's email to a catcher of its own: SMTP_* point at it for the file's tests (plain
 * SMTP allowed: the catcher offers no STARTTLS) and are cleared after. Read `.mails` inside a test.
 */
export function catchMailInThisFile(): { readonly mails: CaughtMail[]; readonly port: number } {
  let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(catcher.port);
    process.env.SMTP_ALLOW_PLAIN = "true";
  });
  afterAll(async () => {
    delete process.env.SMTP_HOST;
    delete process.env.SMTP_PORT;
    delete process.env.SMTP_ALLOW_PLAIN;
    await catcher.close();
  });
  return {
    get mails() {
      return catcher.mails;
    },
    get port() {
      return catcher.port;
    },
  };
}
