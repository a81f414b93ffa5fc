/**
 * Stores `exercises:check` reports on the exercise versions they checked, matched by the
 * folder's content hash, so the staff check view shows them (`npm run exercises:check -- --store`),
 * and the grader workers' catalogue load reports on the exercises.
 */

import type { Db } from "../prisma/client";
import { exerciseHash, type CatalogueLoad, type ExerciseEntry } from "./catalogue";
import type { CheckReport } from "./report";

/**
 * Stores a grader worker's catalogue load report: each broken exercise's error on its Exercise row
 * (`loadError`, staff only: the check page reads it), cleared for every exercise that loaded.
 * A folder with no Exercise row yet (never synced) has no submissions to hold back; sync reports it.
 */
export async function storeLoadReport(db: Db, load: CatalogueLoad, now = new Date()): Promise<void> {
  for (const b of load.broken)
    if (b.slug)
      await db.exercise.updateMany({ where: { slug: b.slug }, data: { loadError: b.error, loadErrorAt: now } });
  await db.exercise.updateMany({
    where: { slug: { in: [...load.entries.keys()] }, loadError: { not: null } },
    data: { loadError: null, loadErrorAt: null },
  });
}

/** Returns the slugs stored and those whose current folder content is not synced yet. */
export async function storeCheckReports(
  db: Db,
  catalogue: Map<string, ExerciseEntry>,
  reports: CheckReport[],
): Promise<{ stored: string[]; notSynced: string[] }> {
  const stored: string[] = [];
  const notSynced: string[] = [];
  for (const r of reports) {
    const entry = catalogue.get(r.slug);
    if (!entry) continue;
    const hash = exerciseHash(entry);
    const res = await db.exerciseVersion.updateMany({
      where: { hash, exercise: { slug: r.slug } },
      data: { checkJson: JSON.stringify(r) },
    });
    (res.count ? stored : notSynced).push(r.slug);
  }
  return { stored, notSynced };
}
