/**
 * Stores `exercises:check` reports on the exercise versions they checked, matched by the
 * folder's content hash, so the staff check view shows them (`npm run exercises:check -- --store`).
 */

import type { Db } from "../prisma/client";
import { exerciseHash, type ExerciseEntry } from "./catalogue";
import type { CheckReport } from "./report";

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
