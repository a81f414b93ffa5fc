/**
 * Where the database is: DATABASE_URL, or the embedded SQLite file under the data folder.
 * The one home of the default, read by the client, the migrator and prisma.config.ts
 * (so it imports nothing generated).
 */

import path from "node:path";

/** Folder for the embedded database and other local state (git-ignored). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.GIBBS_DATA_DIR ?? "data");
}

/** DATABASE_URL, or the embedded SQLite file under the data folder. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(dataDir(), "gibbs.db")}`;
}

export function isSqliteUrl(url: string): boolean {
  return url.startsWith("file:") || url === ":memory:";
}

/** The file path of a SQLite `file:` URL (relative paths resolve against the working directory). */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`"${url}" is not a SQLite file: URL`);
  const p = url.slice("file:".length).replace(/\?.*$/, "");
  if (!p) throw new Error(`"${url}" names no file`);
  return path.resolve(p);
}

/** A PostgreSQL server that does not answer within this long is reported, never waited on forever. */
export const CONNECT_TIMEOUT_MS = 5_000;

export type Provider = "sqlite" | "postgresql";

/** Which database a URL names: `file:` → SQLite, `postgres(ql)://` → PostgreSQL; anything else is refused. */
export function databaseProvider(url: string): Provider {
  if (isSqliteUrl(url)) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL "${redactUrl(url)}" is neither a SQLite file: URL (file:./data/gibbs.db) nor a PostgreSQL URL (postgresql://user:password@host:5432/gibbs).`,
  );
}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
