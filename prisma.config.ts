// Prisma 7 reads its connection URL here, not from the schema. `generate` needs no database, so a
// placeholder stands in when DATABASE_URL is unset (scripts/with-db.mjs sets it for everything else).
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed/demo.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://placeholder@127.0.0.1:5432/placeholder" },
});
