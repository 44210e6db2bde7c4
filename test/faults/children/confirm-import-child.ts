// Child process for the kill tests: commits one previewed import through the app's own domain
// function, so the parent can SIGKILL it while the transaction is open. usage: <batchId> <actorEmail>
import { db } from "@/lib/db";
import { confirmImport } from "@/lib/import/confirm-import";

const [batchId, email] = process.argv.slice(2);
const user = await db.user.findUniqueOrThrow({ where: { email } });
const outcome = await confirmImport({ id: user.id, name: user.name, email: user.email, role: user.role }, batchId);
console.log(`COMMITTED ${JSON.stringify(outcome)}`);
await db.$disconnect();
process.exit(0);
