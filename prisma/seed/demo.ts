// npm run db:seed [-- --reset]: loads the Northbridge demo council into an empty database.
// Refused in production, and refused (even with --reset) while other people's accounts exist.
import { isDatabaseEmpty, resetDatabase, seedDemo } from "@/lib/demo/seed-demo";
import { findDemoSeedRefusal } from "@/lib/demo/seed-guard";

const reset = process.argv.includes("--reset");
const ifEmpty = process.argv.includes("--if-empty");

if (process.env.NODE_ENV === "production" || !(ifEmpty && !reset && !(await isDatabaseEmpty()))) {
  const refusal = await findDemoSeedRefusal();
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}
if (reset) await resetDatabase();
if (!(await isDatabaseEmpty())) {
  if (ifEmpty) {
    console.log("The database already holds data: demo seed skipped");
    process.exit(0);
  }
  console.error("The database already holds data. Run npm run db:seed -- --reset to replace it with the demo council.");
  process.exit(1);
}
await seedDemo();
console.log("Demo council loaded: Northbridge City Council (demo accounts use the password scrutiny-demo)");
process.exit(0);
