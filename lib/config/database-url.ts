// Reads DATABASE_URL once and says plainly what is wrong with it.
export class ConfigError extends Error {}

export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.DATABASE_URL;
  if (!raw)
    throw new ConfigError(
      "DATABASE_URL is not set: start the app with npm run demo / npm start, or set DATABASE_URL=postgresql://user:password@host:5432/database",
    );
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database)");
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:")
    throw new ConfigError(`DATABASE_URL must start with postgresql:// (got ${u.protocol}//)`);
  if (!u.hostname || u.pathname.length < 2)
    throw new ConfigError("DATABASE_URL needs a host and a database name (postgresql://user:password@host:5432/database)");
  return raw;
}
