import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { createAdministrator } from "@/lib/users/create-administrator";
import { unique } from "@/test/factories";
import { auditOf } from "@/test/user-fixtures";

const root = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "correct horse battery staple";

/** Runs `npm run create-admin`'s script as the operator would, with the password piped in. */
function runCommand(args: string[], stdin: string) {
  return spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed/create-admin.ts", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    env: process.env,
    timeout: 60_000,
  });
}

describe("createAdministrator", () => {
  it("makes an administrator with an argon2id hash, lower-cased email, and an audit event naming the command", async () => {
    const email = `${unique("First.Admin")}@Council.Example`;
    const admin = await createAdministrator({ name: "Fran Admin", email, password: PASSWORD });
    expect(admin.email).toBe(email.toLowerCase());
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row).toMatchObject({ role: "ADMIN", active: true, name: "Fran Admin" });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await authenticate(email, PASSWORD)).ok).toBe(true);
    const [event] = await auditOf(admin.id);
    expect(event).toMatchObject({ action: "user.added", actorId: null, actorName: "Command line (npm run create-admin)", actorRole: null });
    expect(event.text).not.toMatch(/argon2|passwordHash/);
    expect(event.text).not.toContain(PASSWORD);
  });

  it("refuses an email that exists in any case, a short password and a bad email, changing nothing", async () => {
    const email = `${unique("taken")}@test.example`;
    await createAdministrator({ name: "Taken", email, password: PASSWORD });
    await expect(createAdministrator({ name: "Again", email: email.toUpperCase(), password: PASSWORD })).rejects.toMatchObject({
      message: stringContaining("already has an account"),
    });
    await expect(
      createAdministrator({ name: "Short", email: `${unique("s")}@test.example`, password: "elevenchars" }),
    ).rejects.toMatchObject({ message: "The password must be at least 12 characters" });
    await expect(createAdministrator({ name: "Bad", email: "not an email", password: PASSWORD })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("npm run create-admin", () => {
  it("reads the password from a pipe, prints one line and the account can sign in", async () => {
    const email = `${unique("piped")}@test.example`;
    const r = runCommand(["--email", email, "--name", "Piped Admin"], `${PASSWORD}\n`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([`Administrator created: Piped Admin <${email}> can now sign in.`]);
    expect((await authenticate(email, PASSWORD)).ok).toBe(true);
  });

  it("takes a missing name and email from the piped lines before the password", async () => {
    const email = `${unique("lines")}@test.example`;
    const r = runCommand([], `Line Admin\n${email}\n${PASSWORD}\n`);
    expect(r.status).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Line Admin");
  });

  it("refuses a short password and an existing email with one clear line and exit code 1", async () => {
    const email = `${unique("refused")}@test.example`;
    let r = runCommand(["--email", email, "--name", "Short"], "short\n");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("create-admin: The password must be at least 12 characters");
    expect(await db.user.count({ where: { email } })).toBe(0);

    expect(runCommand(["--email", email, "--name", "First"], `${PASSWORD}\n`).status).toBe(0);
    r = runCommand(["--email", email.toUpperCase(), "--name", "Second"], `${PASSWORD}\n`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${email} already has an account: nothing was changed`);
  });
});
