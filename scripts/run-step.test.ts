// npm test's steps run while its own process serves the embedded PostgreSQL, whose log reaches it
// through a pipe. Here a chatty child stands in for PostgreSQL (256 KB to stderr, four times a pipe's
// buffer) and the step waits for it to finish writing: it can only finish if this process keeps
// reading the pipe while the step runs. With spawnSync the step gave up after 5 s, exit 2.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runStep } from "./run-step.mjs";

describe("runStep", () => {
  it("keeps reading a server's log pipe while the step runs", async () => {
    const chatty = spawn(process.execPath, ["-e", `process.stderr.write("x".repeat(256 * 1024), () => process.exit(0))`], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let read = 0;
    chatty.stderr.on("data", (d: Buffer) => (read += d.length));
    const waitForChatty = `
      const until = Date.now() + 5000;
      const alive = () => { try { process.kill(${chatty.pid}, 0); return true; } catch { return false; } };
      (function poll() {
        if (!alive()) process.exit(0);
        if (Date.now() > until) process.exit(2);
        setTimeout(poll, 20);
      })();`;
    const status = await runStep(process.execPath, ["-e", waitForChatty]);
    expect(status).toBe(0);
    expect(read).toBe(256 * 1024);
  });

  it("resolves with the step's exit status, and 1 when it cannot start", async () => {
    expect(await runStep(process.execPath, ["-e", "process.exit(3)"])).toBe(3);
    expect(await runStep("/nonexistent/step", [])).toBe(1);
  });
});
