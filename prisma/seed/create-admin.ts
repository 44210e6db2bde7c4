// npm run create-admin [-- --name "Full Name" --email name@council.gov.uk]: makes an administrator
// account on a new installation. The password is read from standard input: typed (hidden, twice)
// at a terminal, or piped, as in  printf 'the password\n' | npm run create-admin -- --email ... --name ...
// Missing name or email are asked for (or read from the piped lines before the password).
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import { createAdministrator } from "@/lib/users/create-administrator";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { isAppError } from "@/lib/errors";

const USAGE = `usage: npm run create-admin -- [--name "Full Name"] [--email name@example.org]  (password on standard input, at least ${MIN_PASSWORD_LENGTH} characters)`;

function fail(message: string): never {
  console.error(`create-admin: ${message}`);
  process.exit(1);
}

async function readPipedLines(): Promise<string[]> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.split("\n").map((l) => l.replace(/\r$/, ""));
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    let value = "";
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
    };
    function onData(chunk: string) {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") { finish(); resolve(value); return; }
        if (ch === "\u0003" || ch === "\u0004") { finish(); reject(new Error("cancelled")); return; }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    }
    stdin.on("data", onData);
  });
}

async function readInput(args: { name?: string; email?: string }) {
  if (!process.stdin.isTTY) {
    const lines = await readPipedLines();
    const name = args.name ?? lines.shift() ?? "";
    const email = args.email ?? lines.shift() ?? "";
    return { name, email, password: lines.shift() ?? "" };
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const name = args.name ?? (await rl.question("Full name: "));
  const email = args.email ?? (await rl.question("Email address: "));
  rl.close();
  const password = await readHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  if (password.length >= MIN_PASSWORD_LENGTH && (await readHidden("The same password again: ")) !== password) fail("the two passwords are not the same: nothing was changed");
  return { name, email, password };
}

let values: { name?: string; email?: string; help?: boolean };
try {
  values = parseArgs({ options: { name: { type: "string" }, email: { type: "string" }, help: { type: "boolean", short: "h" } } }).values;
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const input = await readInput(values);
  const admin = await createAdministrator(input);
  console.log(`Administrator created: ${admin.name} <${admin.email}> can now sign in.`);
  process.exit(0);
} catch (e) {
  if (isAppError(e)) fail(e.message);
  if ((e as Error).message === "cancelled") fail("cancelled: nothing was changed");
  console.error(e);
  fail("the administrator could not be created (the error is above)");
}
