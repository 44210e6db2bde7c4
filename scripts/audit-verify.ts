// npm run audit:verify: walks the audit trail's hash chain (lib/audit/verify-audit-chain.ts) and
// prints "intact, N events" or the first broken link (event id and time). Exit code 0 when intact,
// 1 when a link is broken, 2 when some events could not be checked (signed under a retired secret).
// Needs the server's INTEGRITY_SECRET or NEXTAUTH_SECRET; reads only, so any role that may read the table will do.
import { describeChainReport, verifyAuditChain } from "@/lib/audit/verify-audit-chain";

try {
  const report = await verifyAuditChain();
  console.log(describeChainReport(report));
  process.exit(report.broken ? 1 : report.unchecked.length ? 2 : 0);
} catch (e) {
  console.error(`audit:verify could not run: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
