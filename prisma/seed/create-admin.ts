// npm run create-admin [-- --name "Full Name" --email name@council.gov.uk]: makes an administrator
// account on a new installation. The password is read from standard input: typed (hidden, twice)
// at a terminal, or piped, as in  printf 'the password\n' | npm run create-admin -- --email ... --name ...
// Missing name or email are asked for (or read from the piped lines before the password).
import { parseArgs } from "node:util";
import readline from "node:readline";
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

async function readInput(args: { name?: string; email?: string }) {
  if (!process.stdin.isTTY) {
    const lines = await readPipedLines();
    const name = args.name ?? lines.shift() ?? "";
    const email = args.email ?? lines.shift() ?? "";
    return { name, email, password: lines.shift() ?? "" };
  }
  // The password prompts stop the terminal echoing what is typed (readline has no option for it,
  // so its output writer is wrapped).
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const writer = rl as unknown as { _writeToOutput: (s: string) => void };
  const write = writer._writeToOutput.bind(rl);
  let hidden = false;
  let prompt = "";
  // While hidden, redraws show only the prompt and keystrokes print nothing.
  writer._writeToOutput = (s: string) => write(!hidden ? s : s.startsWith(prompt) ? prompt : /[\r\n]/.test(s) ? "\n" : "");
  // Lines come through one iterator, which keeps any typed or pasted ahead of their prompt.
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (text: string, secret = false) => {
    prompt = text;
    hidden = secret;
    rl.setPrompt(text);
    rl.prompt();
    const answer = await lines.next();
    hidden = false;
    if (answer.done) fail("no answer was given: nothing was changed");
    return answer.value;
  };
  rl.on("SIGINT", () => fail("cancelled: nothing was changed"));
  const name = args.name ?? (await ask("Full name: "));
  const email = args.email ?? (await ask("Email address: "));
  const password = await ask(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `, true);
  if (password.length >= MIN_PASSWORD_LENGTH && (await ask("The same password again: ", true)) !== password)
    fail("the two passwords are not the same: nothing was changed");
  rl.close();
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
  console.error(e);
  fail("the administrator could not be created (the error is above)");
}
