/**
 * Applies the provider's migrations folder without Prisma's schema engine (which is not on
 * npm): prisma/migrations/ to SQLite, prisma/migrations-postgresql/ to PostgreSQL. Each one
 * is recorded in `_prisma_migrations` the way `prisma migrate deploy` does, so either tool
 * can take over from the other.
 *
 *   npm run db:migrate            # DATABASE_URL, or file:data/gibbs.db
 *
 * Each migration runs in its own transaction (DDL is transactional on both): a failing
 * migration leaves no trace. An applied migration whose file changed is refused. On
 * PostgreSQL the run holds Prisma's advisory lock, so web servers starting together migrate once.
 */

import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { CONNECT_TIMEOUT_MS, databaseProvider, databaseUrl, redactUrl, sqliteFilePath, type Provider } from "./url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = path.join(here, "migrations");
export const POSTGRESQL_MIGRATIONS_DIR = path.join(here, "migrations-postgresql");

/** The migrations folder of each provider. */
export function migrationsDir(provider: Provider): string {
  return provider === "sqlite" ? MIGRATIONS_DIR : POSTGRESQL_MIGRATIONS_DIR;
}

/** The table Prisma's schema engine creates (sql-migration-connector), per provider. */
const MIGRATIONS_TABLE_SQL: Record<Provider, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

/** The advisory lock key `prisma migrate` takes on PostgreSQL. */
const PRISMA_ADVISORY_LOCK = 72707369;

export interface Migration {
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, as Prisma computes it. */
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/** Migration folders in name (timestamp) order. */
export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** One database's migration bookkeeping, as the migrator needs it. */
interface MigrationTarget {
  /** The file or redacted URL, for messages. */
  label: string;
  /** Creates `_prisma_migrations` if needed and lists its rows, oldest first. */
  appliedRows(): Promise<AppliedRow[]>;
  /** Runs the migration and records it, in one transaction. */
  apply(m: Migration): Promise<void>;
  close(): Promise<void>;
}

function openTarget(url: string, provider: Provider, opts: { lock: boolean }): Promise<MigrationTarget> {
  return provider === "sqlite" ? Promise.resolve(sqliteTarget(url)) : postgresqlTarget(url, opts.lock);
}

function sqliteTarget(url: string): MigrationTarget {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 15_000 });
  sqlite.pragma("journal_mode = WAL");
  return {
    label: file,
    async appliedRows() {
      sqlite.exec(MIGRATIONS_TABLE_SQL.sqlite);
      return sqlite
        .prepare(
          `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
        )
        .all() as AppliedRow[];
    },
    async apply(m) {
      const started = Date.now();
      sqlite.transaction(() => {
        sqlite.exec(m.sql);
        // Prisma stores DateTime values on SQLite as Unix milliseconds.
        sqlite
          .prepare(
            `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") ` +
              `VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
          )
          .run(randomUUID(), m.checksum, Date.now(), m.name, started);
      })();
    },
    async close() {
      sqlite.close();
    },
  };
}

async function postgresqlTarget(url: string, lock: boolean): Promise<MigrationTarget> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await connectOrExplain(client, url);
  if (lock) await client.query(`SELECT pg_advisory_lock($1)`, [PRISMA_ADVISORY_LOCK]);
  return {
    label: redactUrl(url),
    async appliedRows() {
      await client.query(MIGRATIONS_TABLE_SQL.postgresql);
      const r = await client.query<AppliedRow>(
        `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
      );
      return r.rows;
    },
    async apply(m) {
      const started = new Date();
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") ` +
            `VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      }
    },
    async close() {
      await client.end();
    },
  };
}

/** Connects, or throws an error that says which server did not answer and what to check. */
export async function connectOrExplain(client: pg.Client, url: string): Promise<void> {
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `cannot reach PostgreSQL at ${redactUrl(url)}: ${(e as Error).message || (e as { code?: string }).code}. ` +
        `Is the server running, and are DATABASE_URL's host, port, user and password right?`,
    );
  }
}

/**
 * Applies pending migrations to the database at `url` (SQLite: creates the file and its
 * folder if needed). `dir` defaults to the provider's migrations folder.
 */
export async function applyMigrations(
  url: string = databaseUrl(),
  opts: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const provider = databaseProvider(url);
  if (url === ":memory:") throw new Error(`db:migrate needs a database file or server, not ":memory:"`);
  const log = opts.log ?? (() => {});
  const dir = opts.dir ?? migrationsDir(provider);
  const target = await openTarget(url, provider, { lock: true });
  try {
    const done = finishedMigrations(await target.appliedRows(), target.label);
    const migrations = listMigrations(dir);
    const local = new Set(migrations.map((m) => m.name));
    for (const name of done.keys()) {
      if (!local.has(name))
        log(`warning: ${target.label} has migration "${name}", which is not in ${path.relative(process.cwd(), dir)}`);
    }
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(
            `Migration "${m.name}" was changed after it was applied to ${target.label} (checksum ${row.checksum.slice(0, 12)}… ≠ ${m.checksum.slice(0, 12)}…). ` +
              `Never edit an applied migration: restore the file and add a new migration instead.`,
          );
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      try {
        await target.apply(m);
      } catch (e) {
        throw new Error(`Migration "${m.name}" failed and was rolled back: ${(e as Error).message}`);
      }
      log(`applied ${m.name}`);
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await target.close();
  }
}

/**
 * Throws unless every migration of the provider's folder is applied to `url`: a server or
 * worker refuses to start on a database that is behind (or unreachable) with a clear message.
 */
export async function assertMigrated(url: string = databaseUrl()): Promise<void> {
  const provider = databaseProvider(url);
  const target = await openTarget(url, provider, { lock: false });
  try {
    const done = finishedMigrations(await target.appliedRows(), target.label);
    const missing = listMigrations(migrationsDir(provider)).filter((m) => !done.has(m.name));
    if (missing.length) {
      throw new Error(
        `the database ${target.label} is behind: ${missing.length} migration(s) not applied (${missing.map((m) => m.name).join(", ")}). ` +
          `Run \`npm run db:migrate\` with the same DATABASE_URL.`,
      );
    }
  } finally {
    await target.close();
  }
}

/** Applied (finished, not rolled back) migrations by name; a half-applied one is an error. */
function finishedMigrations(rows: AppliedRow[], label: string): Map<string, AppliedRow> {
  const done = new Map<string, AppliedRow>();
  for (const r of rows) {
    if (r.rolled_back_at !== null) continue;
    if (r.finished_at === null) {
      throw new Error(
        `Migration "${r.migration_name}" started but did not finish in ${label}. Inspect the database, then mark it rolled back ` +
          `(prisma migrate resolve --rolled-back ${r.migration_name}) before migrating again.`,
      );
    }
    done.set(r.migration_name, r);
  }
  return done;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = databaseUrl();
  applyMigrations(url, { log: (l) => console.log(l) }).then(
    (r) =>
      console.log(
        `${redactUrl(url)}: ${r.applied.length} migration(s) applied, ${r.alreadyApplied.length} already applied.`,
      ),
    (e) => {
      console.error(`db:migrate: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
