/**
 * Writes the PostgreSQL twin of prisma/schema.prisma (one schema cannot target two providers,
 * prisma#26887): the same models, `provider = "postgresql"`, its client generated into
 * prisma/generated-postgresql/. Run by `npm run db:generate`; the output is git-ignored.
 *
 *   tsx prisma/postgresql-schema.ts    # prints the path it wrote
 */

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_PATH } from "./schema-model";

export const POSTGRESQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "generated-postgresql");
export const POSTGRESQL_SCHEMA_PATH = path.join(POSTGRESQL_DIR, "schema.prisma");

/** schema.prisma with the provider and the client's output folder swapped. */
export function postgresqlSchema(src: string = fs.readFileSync(SCHEMA_PATH, "utf8")): string {
  const swap = (re: RegExp, to: string, what: string) => {
    if (!re.test(src)) throw new Error(`schema.prisma: cannot find ${what} to rewrite for PostgreSQL`);
    src = src.replace(re, to);
  };
  swap(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'the datasource\'s provider = "sqlite"');
  swap(
    /(generator client \{[^}]*output\s*=\s*)"\.\/generated"/,
    '$1"./client"',
    'the generator\'s output = "./generated"',
  );
  return `// GENERATED from prisma/schema.prisma by prisma/postgresql-schema.ts: edit that file instead.\n\n${src}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(POSTGRESQL_DIR, { recursive: true });
  fs.writeFileSync(POSTGRESQL_SCHEMA_PATH, postgresqlSchema());
  console.log(path.relative(process.cwd(), POSTGRESQL_SCHEMA_PATH));
}
