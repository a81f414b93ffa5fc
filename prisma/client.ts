/**
 * The one way to get a database client. SQLite (better-sqlite3 driver adapter)
 * is the embedded default: with no DATABASE_URL the file is data/gibbs.db.
 */

import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

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

/** A new client for `url`. Callers own it and `$disconnect()` it when done. */
export function createDb(url: string = databaseUrl()): Db {
  if (!isSqliteUrl(url)) {
    throw new Error(
      `DATABASE_URL "${url.replace(/\/\/[^@]*@/, "//***@")}" is not a SQLite file: URL. PostgreSQL support is not built yet.`,
    );
  }
  // timeout = SQLite busy timeout (ms): the web server and grader workers share the file.
  const adapter = new PrismaBetterSqlite3({ url, timeout: 15_000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __gibbsDb?: Db };

/** Process-wide shared client (survives Next dev hot reloads). */
export function db(): Db {
  globalForDb.__gibbsDb ??= createDb();
  return globalForDb.__gibbsDb;
}
