/** The offline migrator applies, records and protects migrations the way `prisma migrate deploy` does. */

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, applyMigrations, listMigrations } from "@/prisma/migrate";
import { createTestDb } from "../helpers/db";

const tmpDirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-migrate-"));
  tmpDirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("applies every migration once, records Prisma's bookkeeping and sets WAL", () => {
    const file = path.join(tmp(), "nested", "a.db");
    const first = applyMigrations(`file:${file}`);
    const names = listMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(first.applied).toEqual(names);

    const second = applyMigrations(`file:${file}`);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(names);

    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite.prepare(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`).all() as Record<
      string,
      unknown
    >[];
    const mode = sqlite.pragma("journal_mode", { simple: true });
    sqlite.close();
    expect(mode).toBe("wal");
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const r of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, String(r.migration_name), "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("refuses a database whose applied migration was edited afterwards", () => {
    const migrations = tmp();
    fs.mkdirSync(path.join(migrations, "20260101000000_one"));
    fs.writeFileSync(
      path.join(migrations, "20260101000000_one", "migration.sql"),
      `CREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);\n`,
    );
    const url = `file:${path.join(tmp(), "b.db")}`;
    expect(applyMigrations(url, { dir: migrations }).applied).toEqual(["20260101000000_one"]);
    fs.writeFileSync(
      path.join(migrations, "20260101000000_one", "migration.sql"),
      `CREATE TABLE "A" ("id" INTEGER NOT NULL PRIMARY KEY);\n`,
    );
    expect(() => applyMigrations(url, { dir: migrations })).toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration completely and reports which one failed", () => {
    const migrations = tmp();
    fs.mkdirSync(path.join(migrations, "20260101000000_ok"));
    fs.writeFileSync(
      path.join(migrations, "20260101000000_ok", "migration.sql"),
      `CREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);\n`,
    );
    fs.mkdirSync(path.join(migrations, "20260102000000_bad"));
    fs.writeFileSync(
      path.join(migrations, "20260102000000_bad", "migration.sql"),
      `CREATE TABLE "B" ("id" TEXT);\nCREATE TABLE "A" ("x" TEXT);\n`,
    );
    const file = path.join(tmp(), "c.db");
    expect(() => applyMigrations(`file:${file}`, { dir: migrations })).toThrow(
      /"20260102000000_bad" failed and was rolled back/,
    );
    const sqlite = new Database(file, { readonly: true });
    const tables = (
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as { name: string }[]
    ).map((r) => r.name);
    const recorded = (
      sqlite.prepare(`SELECT migration_name FROM "_prisma_migrations"`).all() as { migration_name: string }[]
    ).map((r) => r.migration_name);
    sqlite.close();
    expect(tables).toEqual(["A", "_prisma_migrations"]);
    expect(recorded).toEqual(["20260101000000_ok"]);
  });

  it("rejects URLs that are not SQLite files", () => {
    expect(() => applyMigrations("postgresql://u:secret@localhost/db")).toThrow(/prisma migrate deploy/);
  });
});

describe("createTestDb", () => {
  it("gives a working Prisma client on a fresh migrated file and removes it on cleanup", async () => {
    const t = await createTestDb();
    const user = await t.db.user.create({ data: { email: "a@example.edu", name: "A" } });
    expect(await t.db.user.findUnique({ where: { email: "a@example.edu" } })).toMatchObject({ id: user.id, name: "A" });
    expect(fs.existsSync(t.dir)).toBe(true);
    await t.cleanup();
    expect(fs.existsSync(t.dir)).toBe(false);
  });
});
