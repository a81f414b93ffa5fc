/**
 * A strict reader of prisma/schema.prisma and the SQLite and PostgreSQL tables Prisma's schema
 * engine would create for it. Used by the schema-vs-migrations test and to write migration SQL.
 *
 * It understands the subset of the Prisma schema language this project uses (models,
 * scalar and relation fields, @id, @unique, @default, @updatedAt, @relation, @@unique,
 * @@index) and throws on anything else (@map, enums, composite ids, …), so a schema
 * change it cannot follow fails loudly instead of passing silently.
 */

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SCHEMA_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "schema.prisma");

const SCALARS = ["String", "Int", "Float", "Boolean", "DateTime", "BigInt", "Decimal", "Bytes"] as const;
type Scalar = (typeof SCALARS)[number];

/** SQLite column types Prisma uses for each scalar. */
export const SQLITE_TYPE: Record<Scalar, string> = {
  String: "TEXT",
  Int: "INTEGER",
  Float: "REAL",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  BigInt: "BIGINT",
  Decimal: "DECIMAL",
  Bytes: "BLOB",
};

/** PostgreSQL column types Prisma uses for each scalar, as `format_type()` prints them. */
export const POSTGRESQL_TYPE: Record<Scalar, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  BigInt: "bigint",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

export type ReferentialAction = "Cascade" | "Restrict" | "SetNull" | "NoAction" | "SetDefault";

export interface ScalarField {
  name: string;
  type: Scalar;
  optional: boolean;
  id: boolean;
  unique: boolean;
  updatedAt: boolean;
  /** Raw @default(...) argument, e.g. `now()`, `0`, `"best"`, `cuid()`. */
  default?: string;
}

export interface RelationField {
  name: string;
  model: string;
  list: boolean;
  optional: boolean;
  relationName?: string;
  /** Present on the side that holds the foreign key. */
  fields?: string[];
  references?: string[];
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
}

export interface IndexDef {
  unique: boolean;
  columns: string[];
  /** The columns (of `columns`) the index keeps in descending order: `@@index([a, b(sort: Desc)])`. */
  descending: string[];
}

export interface ModelDef {
  name: string;
  scalars: ScalarField[];
  relations: RelationField[];
  /** In the order Prisma emits them: field-level @unique first, then @@unique/@@index as written. */
  indexes: IndexDef[];
}

function stripComments(src: string): string {
  return src
    .split("\n")
    .map((line) => {
      let inStr = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '"' && line[i - 1] !== "\\") inStr = !inStr;
        if (!inStr && c === "/" && line[i + 1] === "/") return line.slice(0, i);
      }
      return line;
    })
    .join("\n");
}

/** Splits `a, b(c, d), "e,f"` on top-level commas. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inStr = false;
  let cur = "";
  for (const c of s) {
    if (c === '"') inStr = !inStr;
    if (!inStr && (c === "(" || c === "[")) depth++;
    if (!inStr && (c === ")" || c === "]")) depth--;
    if (!inStr && depth === 0 && c === ",") {
      out.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Attributes of a field line: [{ name: "default", args: "now()" }, …]. */
function parseAttributes(s: string, where: string): { name: string; args?: string }[] {
  const attrs: { name: string; args?: string }[] = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i])) {
      i++;
      continue;
    }
    if (s[i] !== "@") throw new Error(`${where}: cannot read "${s.slice(i)}"`);
    const m = /^@([A-Za-z.]+)/.exec(s.slice(i));
    if (!m) throw new Error(`${where}: bad attribute "${s.slice(i)}"`);
    i += m[0].length;
    let args: string | undefined;
    if (s[i] === "(") {
      let depth = 0;
      let inStr = false;
      const start = i;
      for (; i < s.length; i++) {
        const c = s[i];
        if (c === '"') inStr = !inStr;
        if (inStr) continue;
        if (c === "(") depth++;
        if (c === ")" && --depth === 0) break;
      }
      args = s.slice(start + 1, i);
      i++;
    }
    attrs.push({ name: m[1], args });
  }
  return attrs;
}

function parseList(s: string, where: string): string[] {
  return parseIndexList(s, where).map((c) => {
    if (c.desc) throw new Error(`${where}: a sort order is only supported in @@index / @@unique`);
    return c.name;
  });
}

/** `[a, b(sort: Desc)]`: names with their sort order (the only index-field option supported). */
function parseIndexList(s: string, where: string): { name: string; desc: boolean }[] {
  const m = /^\[(.*)\]$/.exec(s.trim());
  if (!m) throw new Error(`${where}: expected a [list], got "${s}"`);
  return m[1]
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const f = /^(\w+)(?:\(sort:\s*(Asc|Desc)\))?$/.exec(x);
      if (!f) throw new Error(`${where}: unsupported list item "${x}" (only sort: Asc/Desc is supported)`);
      return { name: f[1], desc: f[2] === "Desc" };
    });
}

/** Parses the schema text into models, in file order. */
export function parseSchema(src: string = fs.readFileSync(SCHEMA_PATH, "utf8")): ModelDef[] {
  const text = stripComments(src).replace(/^\s*\/\/\/.*$/gm, "");
  const blocks = [...text.matchAll(/^\s*(model|enum|type|view|generator|datasource)\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)];
  const modelNames = new Set(blocks.filter((b) => b[1] === "model").map((b) => b[2]));
  const models: ModelDef[] = [];
  for (const [, kind, name, body] of blocks) {
    if (kind === "generator" || kind === "datasource") continue;
    if (kind !== "model")
      throw new Error(`schema.prisma: "${kind} ${name}" is not supported by prisma/schema-model.ts`);
    const model: ModelDef = { name, scalars: [], relations: [], indexes: [] };
    const blockIndexes: IndexDef[] = [];
    for (const raw of body.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      const where = `schema.prisma model ${name}: "${line}"`;
      if (line.startsWith("@@")) {
        const [attr] = parseAttributes(line.slice(1), where);
        if (attr.name !== "unique" && attr.name !== "index") throw new Error(`${where}: unsupported block attribute`);
        const args = splitTopLevel(attr.args ?? "");
        if (args.length !== 1) throw new Error(`${where}: named indexes / options are not supported`);
        const fields = parseIndexList(args[0], where);
        blockIndexes.push({
          unique: attr.name === "unique",
          columns: fields.map((f) => f.name),
          descending: fields.filter((f) => f.desc).map((f) => f.name),
        });
        continue;
      }
      const m = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!m) throw new Error(`${where}: cannot read field`);
      const [, fname, type, list, opt, rest] = m;
      const attrs = parseAttributes(rest, where);
      if (modelNames.has(type)) {
        const rel: RelationField = { name: fname, model: type, list: !!list, optional: !!opt };
        for (const a of attrs) {
          if (a.name !== "relation") throw new Error(`${where}: unsupported attribute @${a.name} on a relation`);
          for (const arg of splitTopLevel(a.args ?? "")) {
            const kv = /^(\w+)\s*:\s*(.*)$/.exec(arg);
            if (!kv) {
              rel.relationName = JSON.parse(arg) as string;
              continue;
            }
            const [, key, value] = kv;
            if (key === "name") rel.relationName = JSON.parse(value) as string;
            else if (key === "fields") rel.fields = parseList(value, where);
            else if (key === "references") rel.references = parseList(value, where);
            else if (key === "onDelete") rel.onDelete = value as ReferentialAction;
            else if (key === "onUpdate") rel.onUpdate = value as ReferentialAction;
            else throw new Error(`${where}: unsupported @relation argument "${key}"`);
          }
        }
        model.relations.push(rel);
        continue;
      }
      if (!(SCALARS as readonly string[]).includes(type)) throw new Error(`${where}: unsupported type "${type}"`);
      if (list) throw new Error(`${where}: scalar lists are not supported on SQLite`);
      const field: ScalarField = {
        name: fname,
        type: type as Scalar,
        optional: !!opt,
        id: false,
        unique: false,
        updatedAt: false,
      };
      for (const a of attrs) {
        if (a.name === "id" && a.args === undefined) field.id = true;
        else if (a.name === "unique" && a.args === undefined) field.unique = true;
        else if (a.name === "updatedAt") field.updatedAt = true;
        else if (a.name === "default") field.default = a.args;
        else throw new Error(`${where}: unsupported attribute @${a.name}${a.args !== undefined ? `(${a.args})` : ""}`);
      }
      if (field.unique) model.indexes.push({ unique: true, columns: [fname], descending: [] });
      model.scalars.push(field);
    }
    if (model.scalars.filter((f) => f.id).length !== 1)
      throw new Error(`schema.prisma model ${name}: exactly one @id field is supported`);
    model.indexes.push(...blockIndexes);
    models.push(model);
  }
  return models;
}

/** Index name Prisma derives: Model_a_b_key (unique) or Model_a_b_idx. */
export function indexName(model: string, idx: IndexDef): string {
  return `${model}_${idx.columns.join("_")}_${idx.unique ? "key" : "idx"}`;
}

/** Prisma's defaults: Restrict (SetNull when a foreign-key field is optional) on delete, Cascade on update. */
export function foreignKeyActions(
  model: ModelDef,
  rel: RelationField,
): { onDelete: ReferentialAction; onUpdate: ReferentialAction } {
  const optional = (rel.fields ?? []).some((f) => model.scalars.find((s) => s.name === f)?.optional);
  return { onDelete: rel.onDelete ?? (optional ? "SetNull" : "Restrict"), onUpdate: rel.onUpdate ?? "Cascade" };
}

/** SQL DEFAULT clause for a field, or "" when the default is computed by the client (cuid(), uuid()). */
export function defaultSql(field: ScalarField): string {
  const d = field.default;
  if (d === undefined) return "";
  if (d === "now()") return " DEFAULT CURRENT_TIMESTAMP";
  if (d === "cuid()" || d === "uuid()" || d === "cuid(2)") return "";
  if (/^".*"$/.test(d)) return ` DEFAULT '${(JSON.parse(d) as string).replace(/'/g, "''")}'`;
  if (/^-?\d+(\.\d+)?$/.test(d) || d === "true" || d === "false") return ` DEFAULT ${d}`;
  throw new Error(`unsupported @default(${d}) on ${field.name}`);
}
