/**
 * Applies prisma/migrations/* to a SQLite database without Prisma's schema engine
 * (which is not on npm), recording each one in `_prisma_migrations` the way
 * `prisma migrate deploy` does, so either tool can take over from the other.
 *
 *   npm run db:migrate            # DATABASE_URL, or file:data/gibbs.db
 *
 * Each migration runs in its own transaction (SQLite DDL is transactional): a failing
 * migration leaves no trace. An applied migration whose file changed is refused.
 */

import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { databaseUrl, isSqliteUrl, sqliteFilePath } from "./client";

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** The table Prisma's schema engine creates on SQLite (sql-migration-connector). */
const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

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

/** Applies pending migrations to the SQLite database at `url`; creates the file and its folder if needed. */
export function applyMigrations(
  url: string = databaseUrl(),
  opts: { dir?: string; log?: (line: string) => void } = {},
): MigrateResult {
  if (!isSqliteUrl(url) || url === ":memory:") {
    throw new Error(
      `db:migrate applies migrations to SQLite files only; for "${url.replace(/\/\/[^@]*@/, "//***@")}" use \`prisma migrate deploy\`.`,
    );
  }
  const log = opts.log ?? (() => {});
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 15_000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(MIGRATIONS_TABLE_SQL);
    const rows = sqlite
      .prepare(
        `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
      )
      .all() as AppliedRow[];
    const done = new Map<string, AppliedRow>();
    for (const r of rows) {
      if (r.rolled_back_at !== null) continue;
      if (r.finished_at === null) {
        throw new Error(
          `Migration "${r.migration_name}" started but did not finish in ${file}. Inspect the database, then mark it rolled back ` +
            `(prisma migrate resolve --rolled-back ${r.migration_name}) before migrating again.`,
        );
      }
      done.set(r.migration_name, r);
    }
    const migrations = listMigrations(opts.dir);
    const local = new Set(migrations.map((m) => m.name));
    for (const name of done.keys()) {
      if (!local.has(name)) log(`warning: ${file} has migration "${name}", which is not in prisma/migrations`);
    }
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(
            `Migration "${m.name}" was changed after it was applied to ${file} (checksum ${row.checksum.slice(0, 12)}… ≠ ${m.checksum.slice(0, 12)}…). ` +
              `Never edit an applied migration: restore the file and add a new migration instead.`,
          );
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      const started = Date.now();
      const apply = sqlite.transaction(() => {
        sqlite.exec(m.sql);
        // Prisma stores DateTime values on SQLite as Unix milliseconds.
        sqlite
          .prepare(
            `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") ` +
              `VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
          )
          .run(randomUUID(), m.checksum, Date.now(), m.name, started);
      });
      try {
        apply();
      } catch (e) {
        throw new Error(`Migration "${m.name}" failed and was rolled back: ${(e as Error).message}`);
      }
      log(`applied ${m.name}`);
      result.applied.push(m.name);
    }
    return result;
  } finally {
    sqlite.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const url = databaseUrl();
    const r = applyMigrations(url, { log: (l) => console.log(l) });
    console.log(`${url}: ${r.applied.length} migration(s) applied, ${r.alreadyApplied.length} already applied.`);
  } catch (e) {
    console.error(`db:migrate: ${(e as Error).message}`);
    process.exit(1);
  }
}
