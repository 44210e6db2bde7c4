// Child process for the kill tests: signs off one month through the app's own domain function, so
// the parent can SIGKILL it while the transaction is open. usage: <month> <expectedVersion> <directorEmail>
import { db } from "@/lib/db";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";

const [month, expected, email] = process.argv.slice(2);
const user = await db.user.findUniqueOrThrow({ where: { email } });
const signed = await signOffPack(
  { id: user.id, name: user.name, email: user.email, role: user.role },
  { month, expectedPeriodVersion: Number(expected) },
);
console.log(`COMMITTED ${JSON.stringify(signed)}`);
await db.$disconnect();
process.exit(0);
