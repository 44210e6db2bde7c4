import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never disturb a running demo.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "pg", "exceljs", "playwright-core"],
  experimental: { authInterrupts: true },
  sassOptions: { quietDeps: true, silenceDeprecations: ["import", "global-builtin"] },
};

export default nextConfig;
