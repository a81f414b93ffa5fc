/**
 * `npm run db:reset`: deletes the embedded SQLite database (DATABASE_URL's file, or
 * data/gibbs.db) and seeds a fresh demo. Refuses non-SQLite URLs: never resets PostgreSQL.
 */

import fs from "node:fs";
import { createDb, databaseUrl, isSqliteUrl, sqliteFilePath } from "../prisma/client";
import { applyMigrations } from "../prisma/migrate";
import { formatSeedReport, seed } from "./seed";

const url = databaseUrl();
if (!isSqliteUrl(url)) {
  console.error("db:reset only resets the embedded SQLite database; DATABASE_URL points elsewhere.");
  process.exit(1);
}
const file = sqliteFilePath(url);
for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
console.log(`deleted ${file}`);
await applyMigrations(url, { log: (l) => console.log(l) });
const db = createDb(url);
try {
  console.log(formatSeedReport(await seed(db)));
} finally {
  await db.$disconnect();
}
