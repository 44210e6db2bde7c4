// Runs a domain function in a child process and SIGKILLs it while its transaction is open, judged
// from PostgreSQL itself: the child's session (named by application_name) holds a transaction id,
// so it has written or locked rows and not yet committed.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type ChildRun = {
  /** The child printed its COMMITTED line (it finished before any kill). */
  committed: boolean;
  killed: boolean;
  /** At the last look before the kill, the child's transaction was open and had written. */
  openAtKill: boolean;
  /** How long after the first write was seen the kill came. */
  killedAfterMs: number | null;
  output: string;
};

/**
 * Starts `node --import tsx` directly (not the tsx wrapper, whose grandchild a SIGKILL would miss),
 * and kills it `killAfterWriteMs` after its transaction first holds a transaction id. Without
 * killAfterWriteMs the child runs to the end. Resolves once PostgreSQL has dropped the session.
 */
export async function runChild(
  dbUrl: string,
  script: string,
  args: string[],
  opts: { killAfterWriteMs?: number; timeoutMs?: number } = {},
): Promise<ChildRun> {
  const appName = `fault-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(dbUrl);
  url.searchParams.set("application_name", appName);
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url.toString(), NODE_NO_WARNINGS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });

  const monitor = new pg.Client({ connectionString: dbUrl });
  await monitor.connect();
  const look = async () =>
    (
      await monitor.query<{ n: number; writing: number }>(
        "select count(*)::int as n, (count(*) filter (where backend_xid is not null))::int as writing from pg_stat_activity where application_name = $1",
        [appName],
      )
    ).rows[0];
  let killed = false;
  let openAtKill = false;
  let firstWrite: number | null = null;
  let killedAfterMs: number | null = null;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  try {
    while (!done && opts.killAfterWriteMs !== undefined) {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`child did not finish in time:\n${output}`);
      }
      const now = await look();
      if (now.writing > 0 && firstWrite === null) firstWrite = Date.now();
      if (firstWrite !== null && Date.now() - firstWrite >= opts.killAfterWriteMs) {
        openAtKill = now.writing > 0;
        killedAfterMs = Date.now() - firstWrite;
        killed = child.kill("SIGKILL");
        break;
      }
      await sleep(firstWrite === null ? 2 : Math.min(5, opts.killAfterWriteMs / 4));
    }
    const code = await Promise.race([exited, sleep(opts.timeoutMs ?? 60_000).then(() => "timeout" as const)]);
    if (code === "timeout") {
      child.kill("SIGKILL");
      throw new Error(`child did not finish in time:\n${output}`);
    }
    if (!killed && code !== 0) throw new Error(`child failed (exit ${code}):\n${output}`);
    // The server rolls back a dead client's transaction once it notices the socket closed.
    for (let i = 0; (await look()).n > 0; i++) {
      if (i > 1500) throw new Error("PostgreSQL kept the killed child's session open");
      await sleep(10);
    }
  } finally {
    await monitor.end();
  }
  return { committed: output.includes("COMMITTED "), killed, openAtKill, killedAfterMs, output };
}
