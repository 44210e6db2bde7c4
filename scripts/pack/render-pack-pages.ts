// The pack page renderer's process, started by lib/pack/render/render-pages.ts with tsx, outside
// Next's server layer, where react-dom/server is allowed. Two ways in:
// - with an IPC channel (the server): stays up, takes { id, jobs } messages and answers { id, pages }
//   (or { id, stylesheet: true } and answers { id, css }), or { id, error }, so only the first render
//   pays for starting Node and compiling the components; the server ends it when idle a while;
// - stdin/stdout (a script, or by hand): reads { jobs } as JSON, writes { pages }, exits.
// jobs: [{ model, audiences }]; pages: [[html per audience] per job].
import { packStylesheet, packStylesheetHref } from "@/lib/pack/render/pack-css";
import { renderPackPageHtml } from "@/lib/pack/render/pack-page-html";
import type { PackAudience, PackPageModel } from "@/lib/pack/render/pack-page-model";

type Job = { model: PackPageModel; audiences: PackAudience[] };

async function render(jobs: Job[]): Promise<string[][]> {
  // The stylesheet the pages link to, compiled now if this checkout's has not been (kept on disk).
  await packStylesheet();
  const css = packStylesheetHref();
  return jobs.map((job) => job.audiences.map((audience) => renderPackPageHtml(job.model, audience, css)));
}

if (process.send) {
  const answer = async (message: { id: number; jobs?: Job[]; stylesheet?: boolean }) => {
    try {
      if (message.stylesheet) process.send!({ id: message.id, css: (await packStylesheet()).css });
      else process.send!({ id: message.id, pages: await render(message.jobs ?? []) });
    } catch (e) {
      process.send!({ id: message.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  };
  process.on("message", (message: { id: number; jobs?: Job[]; stylesheet?: boolean }) => void answer(message));
  // The server going away closes the channel: nothing is left running.
  process.on("disconnect", () => process.exit(0));
  process.send({ ready: true });
} else {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { jobs: Job[] };
  process.stdout.write(JSON.stringify({ pages: await render(input.jobs) }));
}
