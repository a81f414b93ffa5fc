/**
 * The offline migrator applies, records and protects migrations the way `prisma migrate deploy`
 * does, on SQLite and (in the "postgresql" project) on PostgreSQL.
 */

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, assertMigrated, listMigrations, migrationsDir } from "@/prisma/migrate";
import { sqliteFilePath } from "@/prisma/url";
import { createPostgresDatabase, createTestDb, testProvider } from "../helpers/db";

const provider = testProvider();
const cleanups: (() => Promise<void> | void)[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-migrate-"));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A URL of a database that does not exist yet (SQLite) or is empty (PostgreSQL). */
async function blankUrl(): Promise<string> {
  if (provider === "sqlite") return `file:${path.join(tmp(), "nested", "a.db")}`;
  const d = await createPostgresDatabase();
  cleanups.push(() => d.drop());
  return d.url;
}

/** Runs one query against the database at `url` and returns its rows. */
async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  if (provider === "sqlite") {
    const sqlite = new Database(sqliteFilePath(url), { readonly: true });
    try {
      return sqlite.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

const TABLES_SQL =
  provider === "sqlite"
    ? `SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`
    : `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name COLLATE "C"`;

/** A migrations folder holding `files` (name → SQL). */
function migrationsFolder(files: Record<string, string>): string {
  const dir = tmp();
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe(`applyMigrations (${provider})`, () => {
  it("applies every migration once and records Prisma's bookkeeping", async () => {
    const url = await blankUrl();
    const first = await applyMigrations(url);
    const names = listMigrations(migrationsDir(provider)).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(first.applied).toEqual(names);

    const second = await applyMigrations(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(names);

    const rows = await query(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const r of rows) {
      const sql = fs.readFileSync(path.join(migrationsDir(provider), String(r.migration_name), "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    if (provider === "sqlite") {
      const sqlite = new Database(sqliteFilePath(url), { readonly: true });
      const mode = sqlite.pragma("journal_mode", { simple: true });
      sqlite.close();
      expect(mode).toBe("wal");
    }
  });

  it("refuses a database whose applied migration was edited afterwards", async () => {
    const url = await blankUrl();
    const one = { "20260101000000_one": `CREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);\n` };
    const dir = migrationsFolder(one);
    expect((await applyMigrations(url, { dir })).applied).toEqual(["20260101000000_one"]);
    fs.writeFileSync(
      path.join(dir, "20260101000000_one", "migration.sql"),
      `CREATE TABLE "A" ("id" INTEGER NOT NULL PRIMARY KEY);\n`,
    );
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration completely and reports which one failed", async () => {
    const url = await blankUrl();
    const dir = migrationsFolder({
      "20260101000000_ok": `CREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);\n`,
      "20260102000000_bad": `CREATE TABLE "B" ("id" TEXT);\nCREATE TABLE "A" ("x" TEXT);\n`,
    });
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/"20260102000000_bad" failed and was rolled back/);
    const tables = (await query(url, TABLES_SQL)).map((r) => r.name);
    const recorded = (await query(url, `SELECT migration_name FROM "_prisma_migrations"`)).map((r) => r.migration_name);
    expect(tables).toEqual(["A", "_prisma_migrations"]);
    expect(recorded).toEqual(["20260101000000_ok"]);
  });

  it("assertMigrated names the migrations a database is behind by, and passes once they are applied", async () => {
    const url = await blankUrl();
    const names = listMigrations(migrationsDir(provider)).map((m) => m.name);
    await expect(assertMigrated(url)).rejects.toThrow(
      new RegExp(`behind: ${names.length} migration\\(s\\) not applied \\(${names[0]}.*npm run db:migrate`),
    );
    await applyMigrations(url);
    await expect(assertMigrated(url)).resolves.toBeUndefined();
  });
});

describe("database URLs", () => {
  it("an unreachable PostgreSQL server is reported at once, with the password hidden", async () => {
    const started = Date.now();
    const err = await applyMigrations("postgresql://u:secret@127.0.0.1:1/db").then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/^cannot reach PostgreSQL at postgresql:\/\/u:\*\*\*@127\.0\.0\.1:1\/db: /);
    expect(err?.message).not.toContain("secret");
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it("a URL of another database is refused with the two accepted forms", async () => {
    await expect(applyMigrations("mysql://u:secret@localhost/db")).rejects.toThrow(
      /neither a SQLite file: URL .* nor a PostgreSQL URL/,
    );
  });
});

describe("createTestDb", () => {
  it("gives a working Prisma client on a fresh migrated database and removes it on cleanup", async () => {
    const t = await createTestDb();
    expect(t.provider).toBe(provider);
    const user = await t.db.user.create({ data: { email: "a@example.edu", name: "A" } });
    expect(await t.db.user.findUnique({ where: { email: "a@example.edu" } })).toMatchObject({ id: user.id, name: "A" });
    expect(fs.existsSync(t.dir)).toBe(true);
    await t.cleanup();
    expect(fs.existsSync(t.dir)).toBe(false);
    if (provider === "postgresql") await expect(query(t.url, "SELECT 1")).rejects.toThrow(/does not exist/);
  });
});
