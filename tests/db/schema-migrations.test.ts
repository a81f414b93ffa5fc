/**
 * schema.prisma and the provider's migrations folder must describe the same database: a
 * database built by applying every migration has exactly the tables, columns (type,
 * nullability, default, primary key), indexes and foreign keys that the schema asks for.
 * Runs on SQLite (prisma/migrations/) and, in the "postgresql" project, on PostgreSQL
 * (prisma/migrations-postgresql/).
 * If this fails after a schema edit, add a migration (see README, "Changing the schema").
 */

import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/client";
import { Prisma as PostgresqlPrisma } from "@/prisma/generated-postgresql/client/client";
import {
  POSTGRESQL_TYPE,
  SQLITE_TYPE,
  defaultSql,
  foreignKeyActions,
  indexName,
  parseSchema,
  type ModelDef,
  type ReferentialAction,
  type ScalarField,
} from "@/prisma/schema-model";
import { sqliteFilePath } from "@/prisma/url";
import { createTestDb, testProvider, type TestDb } from "../helpers/db";

interface Column {
  name: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
  default: string;
}
interface Index {
  name: string;
  unique: boolean;
  columns: string[];
  /** Columns kept in descending order. */
  descending: string[];
}

/** What a migrated database holds, read from its own catalogue. */
interface Introspection {
  tables(): Promise<string[]>;
  columns(table: string): Promise<Column[]>;
  /** Non-primary-key indexes. */
  indexes(table: string): Promise<Index[]>;
  /** `from -> Table.to ON DELETE … ON UPDATE …` per foreign-key column. */
  foreignKeys(table: string): Promise<string[]>;
  close(): Promise<void>;
}

const ACTION: Record<ReferentialAction, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  SetNull: "SET NULL",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

function sqliteIntrospection(url: string): Introspection {
  const sqlite = new Database(sqliteFilePath(url), { readonly: true });
  return {
    async tables() {
      return (
        sqlite
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
          )
          .all() as { name: string }[]
      ).map((r) => r.name);
    },
    async columns(table) {
      const rows = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      return rows.map((c) => ({
        name: c.name,
        type: c.type,
        notNull: c.notnull === 1,
        primaryKey: c.pk > 0,
        default: c.dflt_value ?? "",
      }));
    },
    async indexes(table) {
      const list = (
        sqlite.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[]
      ).filter((i) => i.origin !== "pk");
      return list.map((i) => ({
        name: i.name,
        unique: i.unique === 1,
        columns: (sqlite.prepare(`PRAGMA index_info("${i.name}")`).all() as { seqno: number; name: string }[])
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name),
        descending: (
          sqlite.prepare(`PRAGMA index_xinfo("${i.name}")`).all() as {
            seqno: number;
            name: string;
            desc: number;
            key: number;
          }[]
        )
          .filter((c) => c.key === 1 && c.desc === 1)
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name),
      }));
    },
    async foreignKeys(table) {
      const rows = sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as {
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }[];
      return rows.map((f) => `${f.from} -> ${f.table}.${f.to} ON DELETE ${f.on_delete} ON UPDATE ${f.on_update}`);
    },
    async close() {
      sqlite.close();
    },
  };
}

/** pg_constraint's one-letter referential actions. */
const PG_ACTION: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

async function postgresqlIntrospection(url: string): Promise<Introspection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = async <T extends pg.QueryResultRow>(sql: string, args: unknown[] = []) =>
    (await client.query<T>(sql, args)).rows;
  return {
    async tables() {
      const rows = await q<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
      );
      return rows.map((r) => r.name);
    },
    async columns(table) {
      const rows = await q<{ name: string; type: string; notnull: boolean; dflt: string | null; pk: boolean }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
                pg_get_expr(d.adbin, d.adrelid) AS dflt,
                EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS pk
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = format('%I', $1::text)::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
        [table],
      );
      return rows.map((c) => ({
        name: c.name,
        type: c.type,
        notNull: c.notnull,
        primaryKey: c.pk,
        default: c.dflt ?? "",
      }));
    },
    async indexes(table) {
      const rows = await q<{ name: string; unique: boolean; columns: string[]; descending: string[] }>(
        `SELECT c.relname AS name, i.indisunique AS unique,
                ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns,
                -- indoption bit 0: the column is kept in descending order
                ARRAY(SELECT a.attname FROM unnest(i.indkey, i.indoption::int2[]) WITH ORDINALITY AS k(attnum, opt, n)
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                       WHERE k.opt & 1 = 1 ORDER BY k.n)::text[] AS descending
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = format('%I', $1::text)::regclass AND NOT i.indisprimary`,
        [table],
      );
      return rows;
    },
    async foreignKeys(table) {
      const rows = await q<{ from: string; table: string; to: string; del: string; upd: string }>(
        `SELECT a.attname AS from, t.relname AS table, fa.attname AS to, c.confdeltype AS del, c.confupdtype AS upd
           FROM pg_constraint c
           JOIN pg_class t ON t.oid = c.confrelid
           JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, fcol) ON true
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
           JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fcol
          WHERE c.contype = 'f' AND c.conrelid = format('%I', $1::text)::regclass`,
        [table],
      );
      return rows.map(
        (f) => `${f.from} -> ${f.table}.${f.to} ON DELETE ${PG_ACTION[f.del]} ON UPDATE ${PG_ACTION[f.upd]}`,
      );
    },
    async close() {
      await client.end();
    },
  };
}

const provider = testProvider();
const models: ModelDef[] = parseSchema();

/** The column the schema asks for, in the provider's catalogue spelling. */
function expectedColumn(f: ScalarField): Column {
  const sqliteDefault = defaultSql(f).replace(/^ DEFAULT /, "");
  return {
    name: f.name,
    type: (provider === "sqlite" ? SQLITE_TYPE : POSTGRESQL_TYPE)[f.type],
    notNull: !f.optional,
    primaryKey: f.id,
    // PostgreSQL prints a string literal default with its type: 'best'::text.
    default: provider === "postgresql" && sqliteDefault.startsWith("'") ? `${sqliteDefault}::text` : sqliteDefault,
  };
}

let t: TestDb;
let db: Introspection;

beforeAll(async () => {
  t = await createTestDb("gibbs-schema-");
  db = provider === "sqlite" ? sqliteIntrospection(t.url) : await postgresqlIntrospection(t.url);
});

afterAll(async () => {
  await db?.close();
  await t?.cleanup();
});

describe("schema.prisma is read completely", () => {
  it("finds every model and scalar field the generated clients know", () => {
    for (const client of [Prisma, PostgresqlPrisma]) {
      expect(models.map((m) => m.name).sort()).toEqual(Object.values(client.ModelName).sort());
      const enums = client as unknown as Record<string, Record<string, string>>;
      for (const m of models) {
        const known = enums[`${m.name}ScalarFieldEnum`];
        expect(known, `Prisma.${m.name}ScalarFieldEnum`).toBeDefined();
        expect(
          m.scalars.map((f) => f.name),
          m.name,
        ).toEqual(Object.values(known));
      }
    }
  });
});

describe(`${provider} migrations match schema.prisma`, () => {
  it("has exactly the schema's tables", async () => {
    expect((await db.tables()).sort()).toEqual(models.map((m) => m.name).sort());
  });

  for (const model of models) {
    describe(model.name, () => {
      it("has the schema's columns, types, nullability, defaults and primary key", async () => {
        const byName = (a: Column, b: Column) => a.name.localeCompare(b.name);
        expect((await db.columns(model.name)).sort(byName)).toEqual(model.scalars.map(expectedColumn).sort(byName));
      });

      it("has the schema's indexes and unique constraints", async () => {
        const byName = (a: Index, b: Index) => a.name.localeCompare(b.name);
        const expected = model.indexes.map((idx) => ({
          name: indexName(model.name, idx),
          unique: idx.unique,
          columns: idx.columns,
          descending: idx.descending,
        }));
        expect((await db.indexes(model.name)).sort(byName)).toEqual(expected.sort(byName));
      });

      it("has the schema's foreign keys and referential actions", async () => {
        const expected = model.relations
          .filter((r) => r.fields)
          .flatMap((r) => {
            const { onDelete, onUpdate } = foreignKeyActions(model, r);
            return r.fields!.map(
              (from, i) =>
                `${from} -> ${r.model}.${r.references![i]} ON DELETE ${ACTION[onDelete]} ON UPDATE ${ACTION[onUpdate]}`,
            );
          });
        expect((await db.foreignKeys(model.name)).sort()).toEqual(expected.sort());
      });
    });
  }
});
