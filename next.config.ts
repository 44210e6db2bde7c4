import type { NextConfig } from "next";
import { contentSecurityPolicy, PATHS_WITHOUT_PROXY, staticSecurityHeaders } from "./lib/security/security-headers";
import { ACTION_BODY_LIMIT } from "./lib/security/request-guard";
import { MAX_ANNEX_A_BODY_BYTES } from "./lib/annex-a/limits";

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never disturb a running demo.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "pg", "exceljs", "playwright-core", "sass"],
  // The action body limit is Next's default, named so proxy.ts answers 413 at the same size (lib/security/request-guard.ts).
  // proxy.ts buffers a request's body for the handler behind it up to this size and passes on only that
  // much of a longer one (Next's default is 10 MB): the largest upload, an Annex A workbook, must arrive whole.
  experimental: {
    authInterrupts: true,
    // NEXT_SERVER_MINIFY=0 keeps the server code's function names, for a readable CPU profile (npm run bench:profile).
    serverMinification: process.env.NEXT_SERVER_MINIFY !== "0",
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: MAX_ANNEX_A_BODY_BYTES,
  },
  // instrumentation.ts (which installs the published pack's front handler, lib/start-node-server.ts) is
  // built without the react-server condition, so "server-only" would throw there: on the server it is
  // the empty module, as in App Router server code; in the browser it is still the one that throws.
  turbopack: {
    resolveAlias: { "server-only": { browser: "next/dist/compiled/server-only/index", default: "next/dist/compiled/server-only/empty" } },
  },
  sassOptions: { quietDeps: true, silenceDeprecations: ["import", "global-builtin"] },
  // A pack's downloads live beside it (/packs/2019-07.csv); a dynamic segment cannot end in ".csv".
  // Security headers on every response; pages get their nonce'd Content-Security-Policy from proxy.ts.
  headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders() },
      ...PATHS_WITHOUT_PROXY.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy() }] })),
    ];
  },
  rewrites() {
    return {
      beforeFiles: [{ source: "/packs/:period(\\d{4}-\\d{2}).:format(csv|xlsx|json)", destination: "/api/packs/:period/export/:format" }],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;
