// npm run db:seed [-- --reset]: loads the Northbridge demo council into an empty database.
import { isDatabaseEmpty, resetDatabase, seedDemo } from "@/lib/demo/seed-demo";

const reset = process.argv.includes("--reset");
const ifEmpty = process.argv.includes("--if-empty");

if (reset) await resetDatabase();
if (!(await isDatabaseEmpty())) {
  if (ifEmpty) { console.log("The database already holds data: demo seed skipped"); process.exit(0); }
  console.error("The database already holds data. Run npm run db:seed -- --reset to replace it with the demo council.");
  process.exit(1);
}
await seedDemo();
console.log("Demo council loaded: Northbridge City Council (demo accounts use the password scrutiny-demo)");
process.exit(0);
