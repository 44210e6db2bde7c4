// Runs once when the Next.js server starts. Everything it does is Node.js only (lib/start-node-server.ts),
// imported inside the NEXT_RUNTIME branch so the Edge build leaves it out.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("@/lib/start-node-server");
    await startNodeServer();
  }
}
