/**
 * The one way to get a database client. SQLite (better-sqlite3 driver adapter)
 * is the embedded default: with no DATABASE_URL the file is data/gibbs.db.
 */

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databaseUrl, isSqliteUrl } from "./url";

export { dataDir, databaseUrl, isSqliteUrl, sqliteFilePath } from "./url";

export type Db = PrismaClient;

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
