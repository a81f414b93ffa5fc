/** Gradebook logic on 300 students × 25 exercises: the query + aggregation stays well under the 1 s page budget. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { loadGradebook } from "@/app/_lib/staff/gradebook";
import { staffAccess } from "@/app/_lib/access";
import { seedLargeCourse, type LargeCourse } from "./largeCourse";

let t: TestDb;
let c: LargeCourse;
beforeAll(async () => {
  t = await createTestDb();
  c = await seedLargeCourse(t.db);
}, 120_000);
afterAll(() => t.cleanup());

test("300 × 25 gradebook: median of 7 runs", async () => {
  const actor = await staffAccess(t.db, c.instructorId, c.courseId);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const book = await loadGradebook(t.db, actor, { assignmentId: c.assignmentId, sort: "total", dir: "desc" });
    const ms = performance.now() - t0;
    if (i > 0) times.push(ms); // the first run warms the connection and statement cache
    rows = book.rows.length;
    expect(book.columns).toHaveLength(25);
    expect(book.rows[0].total).toBeGreaterThanOrEqual(book.rows[book.rows.length - 1].total);
  }
  expect(rows).toBe(300);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  fs.mkdirSync("test-results", { recursive: true });
  fs.writeFileSync(
    path.join("test-results", "staff-gradebook-logic.json"),
    JSON.stringify({ medianMs: median, samplesMs: times }, null, 2),
  );
  console.log(
    `[staff] gradebook logic 300×25: median ${median.toFixed(1)} ms (${times.map((x) => x.toFixed(0)).join(", ")})`,
  );
  expect(median).toBeLessThan(1000);
}, 120_000);
