/**
 * A fresh, migrated database for integration tests: a SQLite file in a temporary folder, or,
 * in the vitest project "postgresql" (GIBBS_TEST_DB=postgresql), a new database on the
 * PostgreSQL server at GIBBS_TEST_POSTGRES_URL.
 *
 *   const t = await createTestDb();
 *   await t.db.user.create({ … });
 *   await t.cleanup();               // disconnects, drops the database and deletes the folder
 *
 * `url` can be handed to child processes (e.g. a grader worker) as DATABASE_URL.
 */

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db, type Provider } from "@/prisma/client";
import { applyMigrations } from "@/prisma/migrate";

export interface TestDb {
  url: string;
  provider: Provider;
  /** Temporary folder (the SQLite file lives here); also usable as GIBBS_DATA_DIR. */
  dir: string;
  db: Db;
  cleanup(): Promise<void>;
}

/** The provider this test run targets. */
export function testProvider(): Provider {
  return process.env.GIBBS_TEST_DB === "postgresql" ? "postgresql" : "sqlite";
}

/** The server's admin URL (GIBBS_TEST_POSTGRES_URL) with its database replaced by `name`. */
function postgresUrl(name: string): string {
  const admin = process.env.GIBBS_TEST_POSTGRES_URL;
  if (!admin) throw new Error("GIBBS_TEST_DB=postgresql needs GIBBS_TEST_POSTGRES_URL (see .ci/postgres)");
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.GIBBS_TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new empty PostgreSQL database on the test server; returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gibbs_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return { url: postgresUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function createTestDb(prefix = "gibbs-test-"): Promise<TestDb> {
  const provider = testProvider();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const pgDb = provider === "postgresql" ? await createPostgresDatabase() : undefined;
  const url = pgDb ? pgDb.url : `file:${path.join(dir, "test.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  return {
    url,
    provider,
    dir,
    db,
    async cleanup() {
      await db.$disconnect();
      await pgDb?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
