/**
 * Gradebook figures on 300 students × 25 exercises (tests/staff/largeCourse.ts, 1–3 graded
 * submissions per cell) in a fresh SQLite database: the data function, the data function plus
 * the server-side body HTML the page sends, the CSV export and the submissions zip. Medians
 * of 7 runs after one warm-up; printed and written to bench/gradebook-last.json.
 * The browser's own load of the page is measured by tests/e2e/staff-perf.test.ts.
 *
 *   npm run bench:gradebook
 */

import fs from "node:fs";
import path from "node:path";
import { createTestDb } from "@/tests/helpers/db";
import { seedLargeCourse } from "@/tests/staff/largeCourse";
import { staffAccess } from "@/app/_lib/access";
import { loadGradebook } from "@/app/_lib/staff/gradebook";
import { gradebookCsv } from "@/app/_lib/staff/exportCsv";
import { submissionsZip } from "@/app/_lib/staff/submissionsZip";
import { gradebookRowsHtml } from "@/app/courses/[courseId]/staff/gradebook/rowsHtml";

const RUNS = 7;

async function median(fn: () => Promise<unknown>): Promise<{ medianMs: number; samplesMs: number[] }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[RUNS >> 1], samplesMs: samples.map((x) => Math.round(x * 10) / 10) };
}

const t = await createTestDb("gibbs-bench-gradebook-");
try {
  const seeded = performance.now();
  const c = await seedLargeCourse(t.db);
  console.log(`seeded 300 × 25 in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const actor = await staffAccess(t.db, c.instructorId, c.courseId);
  const q = { assignmentId: c.assignmentId, sort: "total", dir: "desc" as const, pageSize: 300 };
  const classes = { overridden: "o", errorCell: "e", marks: "m", num: "n", muted: "u", subtotal: "s" };
  const figures = {
    data: await median(() => loadGradebook(t.db, actor, q)),
    dataAndRows: await median(async () => {
      const book = await loadGradebook(t.db, actor, q);
      return gradebookRowsHtml(book.rows, {
        missing: "—",
        label: () => "",
        classes,
        groups: book.groups,
        selectLabel: (n) => n,
      });
    }),
    csv: await median(() => gradebookCsv(t.db, actor, { assignmentId: c.assignmentId })),
    zip: await median(() => submissionsZip(t.db, actor, c.assignmentId, "best")),
  };
  for (const [k, v] of Object.entries(figures)) {
    console.log(`gradebook 300×25 ${k.padEnd(12)} median ${v.medianMs.toFixed(1)} ms (${v.samplesMs.join(", ")})`);
  }
  const out = path.join(import.meta.dirname, "gradebook-last.json");
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), provider: t.provider, ...figures }, null, 2));
} finally {
  await t.cleanup();
}
