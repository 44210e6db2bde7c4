// A PostgreSQL address and the database it names, for the test helpers that make, copy and drop databases.

/** The database a `postgresql://` address names. */
export const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** The same server, user and options, naming database `name` instead. */
export const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
