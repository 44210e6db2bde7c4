// Is ENTRA_TENANT_ID one organisation's directory? Shared by scripts/start-checks.mjs (npm start
// refuses to start) and lib/auth/entra.ts (the app refuses the setting wherever it starts). Plain JS:
// start.mjs runs in Node without TypeScript.

const TENANT_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MULTI_TENANT = new Set(["common", "organizations", "consumers"]);

/**
 * Why ENTRA_TENANT_ID cannot be used, or null when it can (or is not set). It must be the council's
 * directory (tenant) id, a GUID: "common", "organizations" and "consumers" accept accounts from any
 * organisation (or personal ones), and a domain name cannot be compared with a token's `tid`.
 * @param {string | undefined | null} value
 * @returns {string | null}
 */
export function findEntraTenantProblem(value) {
  if (value === undefined || value === null || value === "") return null;
  const tenant = value.trim().toLowerCase();
  if (MULTI_TENANT.has(tenant))
    return `ENTRA_TENANT_ID is "${tenant}", which would let Microsoft accounts from outside the council sign in: set it to your organisation's directory (tenant) id, a GUID`;
  if (!TENANT_GUID.test(tenant))
    return `ENTRA_TENANT_ID must be your organisation's directory (tenant) id, a GUID like 00000000-0000-0000-0000-000000000000 (got "${value}")`;
  return null;
}
