// Once per Vitest run, for each database project: a database with every migration applied becomes a
// template, and every database test file gets a copy of its own (test/setup-db.ts), so files run in
// parallel without sharing rows, and nobody cleans up after anybody else. The template is made by
// replaying the migrations, not copied from the run's test database, which the migration step may
// still hold a connection to.
import type { TestProject } from "vitest/node";
import { createOwnDatabase } from "./own-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const template = await createOwnDatabase(`template_${project.name}`);
  project.provide("templateDatabase", decodeURIComponent(new URL(template.url).pathname.slice(1)));
  return () => template.drop();
}
