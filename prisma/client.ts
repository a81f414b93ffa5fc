/**
 * The one way to get a database client. SQLite (better-sqlite3 driver adapter) is the
 * embedded default: with no DATABASE_URL the file is data/gibbs.db. A `postgresql://` URL
 * gets the PostgreSQL client (generated from the same models) on a pg pool of
 * GIBBS_DB_POOL_SIZE connections per process.
 */

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { PrismaClient as PostgresqlClient } from "./generated-postgresql/client/client";
import { CONNECT_TIMEOUT_MS, databaseProvider, databaseUrl, redactUrl, type Provider } from "./url";

export { dataDir, databaseProvider, databaseUrl, isSqliteUrl, redactUrl, sqliteFilePath } from "./url";
export type { Provider } from "./url";

/** Both generated clients have the same models; the SQLite one's type is the shared interface. */
export type Db = PrismaClient;
/** A client or an interactive transaction's client: for data functions that run in either. */
export type DbOrTx = Db | Prisma.TransactionClient;

export const DEFAULT_POOL_SIZE = 10;

/** GIBBS_DB_POOL_SIZE: PostgreSQL connections per process. */
export function poolSize(): number {
  const raw = process.env.GIBBS_DB_POOL_SIZE;
  if (raw === undefined || raw === "") return DEFAULT_POOL_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`GIBBS_DB_POOL_SIZE must be a positive integer, got "${raw}"`);
  return n;
}

const targets = new WeakMap<Db, { provider: Provider; url: string }>();

/** A new client for `url`. Callers own it and `$disconnect()` it when done. */
export function createDb(url: string = databaseUrl()): Db {
  const provider = databaseProvider(url);
  let db: Db;
  if (provider === "sqlite") {
    // timeout = SQLite busy timeout (ms): the web server and grader workers share the file.
    db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 15_000 }) });
  } else {
    const adapter = new PrismaPg(
      { connectionString: url, max: poolSize(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
      { onPoolError: (e) => console.error(`database pool (${redactUrl(url)}): ${e.message}`) },
    );
    db = new PostgresqlClient({ adapter }) as unknown as Db;
  }
  targets.set(db, { provider, url });
  return db;
}

/** The database behind a client made by `createDb`: its provider and URL. */
export function dbTarget(db: Db): { provider: Provider; url: string } {
  const t = targets.get(db);
  if (!t) throw new Error("dbTarget: this client was not made by createDb");
  return t;
}

const globalForDb = globalThis as unknown as { __gibbsDb?: Db };

/** Process-wide shared client (survives Next dev hot reloads). */
export function db(): Db {
  globalForDb.__gibbsDb ??= createDb();
  return globalForDb.__gibbsDb;
}
