/**
 * A fresh, migrated SQLite database in a temporary folder, for integration tests.
 *
 *   const t = await createTestDb();
 *   await t.db.user.create({ … });
 *   await t.cleanup();               // disconnects and deletes the folder
 *
 * `url` can be handed to child processes (e.g. a grader worker) as DATABASE_URL.
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/prisma/client";
import { applyMigrations } from "@/prisma/migrate";

export interface TestDb {
  url: string;
  /** Folder holding the database file; also usable as GIBBS_DATA_DIR. */
  dir: string;
  db: Db;
  cleanup(): Promise<void>;
}

export async function createTestDb(prefix = "gibbs-test-"): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const url = `file:${path.join(dir, "test.db")}`;
  applyMigrations(url);
  const db = createDb(url);
  return {
    url,
    dir,
    db,
    async cleanup() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
