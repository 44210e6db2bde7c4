// Child process for the database restart test: serves the app's real /api/health route handler
// (lib/health.ts through lib/db.ts) on 127.0.0.1, and stays up however the database behaves.
// In plain Node two of the route wrapper's imports are resolved here by hand: next/navigation to its
// server build (as Next's bundler does for route handlers), and the session module to a stub: the
// health check reads no session, and the real module loads next-auth.
import http from "node:http";
import { register } from "node:module";
import { NextRequest } from "next/server";

const noSession = "export const getCurrentUser = () => { throw new Error('The health check reads no session'); };";
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "next/navigation") return next("next/dist/client/components/navigation.react-server.js", context);
  if (specifier === "@/lib/auth/current-user") return { url: "data:text/javascript,${encodeURIComponent(noSession)}", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
const { GET } = await import("@/app/api/health/route");

async function answer(res: http.ServerResponse) {
  const response = await GET(new NextRequest("http://127.0.0.1/api/health"), { params: Promise.resolve({}) });
  res.writeHead(response.status, { "content-type": "application/json" });
  res.end(await response.text());
}

const server = http.createServer((_req, res) => void answer(res));
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`LISTENING ${typeof address === "object" && address ? address.port : ""}`);
});
