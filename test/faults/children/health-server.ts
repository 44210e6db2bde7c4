// Child process for the database restart test: serves the app's real /api/health route handler
// (lib/health.ts through lib/db.ts) on 127.0.0.1, and stays up however the database behaves.
import http from "node:http";
import { GET } from "@/app/api/health/route";

const server = http.createServer(async (_req, res) => {
  const response = await GET();
  res.writeHead(response.status, { "content-type": "application/json" });
  res.end(await response.text());
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`LISTENING ${typeof address === "object" && address ? address.port : ""}`);
});
