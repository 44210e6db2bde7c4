// The action wrapper on its own: who is asking, then the form, then the permission, then the one
// domain function; what each refusal looks like to the form.
import { describe, expect, it, vi } from "vitest";
import { anyInstanceOf, stringContaining } from "@/test/matchers";
import { z } from "zod";
import { defineAction, formAction } from "@/lib/define-action";
import { GENERIC_ERROR } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";

const admin: SessionUser = { id: "a", name: "Ada Admin", email: "ada@test.example", role: "ADMIN" };
const lead: SessionUser = { id: "l", name: "Lee Lead", email: "lee@test.example", role: "SERVICE_LEAD" };
const schema = z.object({ name: z.string().min(1, "Enter the name") });

function action(
  user: SessionUser | null,
  run = vi.fn<(u: SessionUser, input: { name: string }) => Promise<string>>((_u, input) => Promise.resolve(input.name.toUpperCase())),
) {
  const act = defineAction({
    schema,
    permission: "section.manage",
    keepValues: true,
    session: () => Promise.resolve(user),
    signedOut: "Sign in again",
    run,
    done: (r) => ({ data: r, message: "Saved" }),
  });
  return { act, run };
}

describe("defineAction", () => {
  it("calls the domain function with the user and the parsed input, and answers with its result", async () => {
    const { act, run } = action(admin);
    expect(await act({ name: "Early help" })).toMatchObject({
      ok: true,
      data: "EARLY HELP",
      message: "Saved",
      values: { name: "Early help" },
      at: anyInstanceOf(Number),
    });
    expect(run).toHaveBeenCalledWith(admin, { name: "Early help" });
  });

  it("refuses a signed-out visitor before reading the form, with the form's own words", async () => {
    const { act, run } = action(null);
    expect(await act({ name: "" })).toMatchObject({ ok: false, code: "UNAUTHENTICATED", message: "Sign in again" });
    expect(run).not.toHaveBeenCalled();
  });

  it("gives field errors for a bad form, keeping what was typed, without calling the domain", async () => {
    const { act, run } = action(admin);
    expect(await act({ name: "" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: "Enter the name" },
      values: { name: "" },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a role without the permission", async () => {
    const { act, run } = action(lead);
    expect(await act({ name: "Early help" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(run).not.toHaveBeenCalled();
  });

  it("maps an AppError to its message and field errors, and anything else to the plain message", async () => {
    const refusing = action(
      admin,
      vi.fn(() => Promise.reject(new AppError("VALIDATION", "There is a problem", { name: "That name is taken" }))),
    );
    expect(await refusing.act({ name: "Early help" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "There is a problem",
      fieldErrors: { name: "That name is taken" },
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = action(
      admin,
      vi.fn(() => Promise.reject(new Error("connection reset"))),
    );
    expect(await broken.act({ name: "Early help" })).toEqual({
      ok: false,
      message: GENERIC_ERROR,
      fieldErrors: {},
      values: { name: "Early help" },
      at: anyInstanceOf(Number),
    });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("lets a refusal add to the answer, and redirects after success from a form", async () => {
    const conflicting = defineAction({
      schema,
      permission: "section.manage",
      session: () => Promise.resolve(admin),
      run: () => Promise.reject(new AppError("CONFLICT", "Someone else changed it")),
      done: () => ({ data: undefined }),
      refused: (e) => ({ conflict: e instanceof AppError ? e.code : "?" }),
    });
    expect(await conflicting({ name: "x" })).toMatchObject({ ok: false, code: "CONFLICT", conflict: "CONFLICT" });
    const post = formAction({
      schema,
      permission: "section.manage",
      session: () => Promise.resolve(admin),
      run: () => Promise.resolve("s1"),
      done: (slug) => ({ redirect: `/admin/sections/${slug}` }),
    });
    const form = new FormData();
    form.set("name", "Early help");
    await expect(post(null, form)).rejects.toMatchObject({ digest: stringContaining("/admin/sections/s1") });
  });
});
