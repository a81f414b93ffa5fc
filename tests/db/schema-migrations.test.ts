/**
 * schema.prisma and prisma/migrations must describe the same database: a database built
 * by applying every migration has exactly the tables, columns (type, nullability,
 * default, primary key), indexes and foreign keys that the schema asks for.
 * If this fails after a schema edit, add a migration (see README, "Changing the schema").
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/client";
import { applyMigrations } from "@/prisma/migrate";
import {
  SQLITE_TYPE,
  defaultSql,
  foreignKeyActions,
  indexName,
  parseSchema,
  type ModelDef,
} from "@/prisma/schema-model";

let dir: string;
let sqlite: Database.Database;
const models: ModelDef[] = parseSchema();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-schema-"));
  const file = path.join(dir, "schema.db");
  applyMigrations(`file:${file}`);
  sqlite = new Database(file, { readonly: true });
});

afterAll(() => {
  sqlite?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface IndexInfo {
  name: string;
  unique: number;
  origin: string;
}
interface FkInfo {
  table: string;
  from: string;
  to: string;
  on_update: string;
  on_delete: string;
}

const ACTION: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  SetNull: "SET NULL",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

describe("schema.prisma is read completely", () => {
  it("finds every model and scalar field the generated client knows", () => {
    expect(models.map((m) => m.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    const enums = Prisma as unknown as Record<string, Record<string, string>>;
    for (const m of models) {
      const known = enums[`${m.name}ScalarFieldEnum`];
      expect(known, `Prisma.${m.name}ScalarFieldEnum`).toBeDefined();
      expect(
        m.scalars.map((f) => f.name),
        m.name,
      ).toEqual(Object.values(known));
    }
  });
});

describe("migrations match schema.prisma", () => {
  it("has exactly the schema's tables", () => {
    const tables = (
      sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
        )
        .all() as { name: string }[]
    )
      .map((r) => r.name)
      .sort();
    expect(tables).toEqual(models.map((m) => m.name).sort());
  });

  for (const model of models) {
    describe(model.name, () => {
      it("has the schema's columns, types, nullability, defaults and primary key", () => {
        const actual = (sqlite.prepare(`PRAGMA table_info("${model.name}")`).all() as ColumnInfo[]).map((c) => ({
          name: c.name,
          type: c.type,
          notNull: c.notnull === 1,
          primaryKey: c.pk > 0,
          default: c.dflt_value ?? "",
        }));
        const expected = model.scalars.map((f) => ({
          name: f.name,
          type: SQLITE_TYPE[f.type],
          notNull: !f.optional,
          primaryKey: f.id,
          default: defaultSql(f).replace(/^ DEFAULT /, ""),
        }));
        expect(actual.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
          expected.sort((a, b) => a.name.localeCompare(b.name)),
        );
      });

      it("has the schema's indexes and unique constraints", () => {
        const list = (sqlite.prepare(`PRAGMA index_list("${model.name}")`).all() as IndexInfo[]).filter(
          (i) => i.origin !== "pk",
        );
        const actual = list
          .map((i) => ({
            name: i.name,
            unique: i.unique === 1,
            columns: (sqlite.prepare(`PRAGMA index_info("${i.name}")`).all() as { seqno: number; name: string }[])
              .sort((a, b) => a.seqno - b.seqno)
              .map((c) => c.name),
          }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const expected = model.indexes
          .map((idx) => ({ name: indexName(model.name, idx), unique: idx.unique, columns: idx.columns }))
          .sort((a, b) => a.name.localeCompare(b.name));
        expect(actual).toEqual(expected);
      });

      it("has the schema's foreign keys and referential actions", () => {
        const actual = (sqlite.prepare(`PRAGMA foreign_key_list("${model.name}")`).all() as FkInfo[])
          .map((f) => `${f.from} -> ${f.table}.${f.to} ON DELETE ${f.on_delete} ON UPDATE ${f.on_update}`)
          .sort();
        const expected = model.relations
          .filter((r) => r.fields)
          .flatMap((r) => {
            const { onDelete, onUpdate } = foreignKeyActions(model, r);
            return r.fields!.map(
              (from, i) =>
                `${from} -> ${r.model}.${r.references![i]} ON DELETE ${ACTION[onDelete]} ON UPDATE ${ACTION[onUpdate]}`,
            );
          })
          .sort();
        expect(actual).toEqual(expected);
      });
    });
  }
});
