/**
 * Exercise validation view (instructors): each exercise's current version with the
 * stored `exercises:check` report (ExerciseVersion.checkJson, a CheckReport), and the
 * data for "preview as student".
 */

import type { Db } from "@/prisma/client";
import type { CheckReport } from "@/exercises/check";
import { exerciseHash, type ExerciseEntry } from "@/exercises/catalogue";
import type { ExerciseMeta } from "@/exercises/sync";
import { requireInstructor, StaffNotFoundError, type StaffActor } from "./access";

export interface ExerciseValidationRow {
  id: string;
  slug: string;
  section: string;
  version: number | null;
  titleEn: string;
  titleZh: string;
  points: number | null;
  /** null when the check has not been run for this version. */
  report: CheckReport | null;
}

const parse = <T>(s: string | null | undefined): T | null => {
  if (!s) return null;
  try {
    return JSON.parse(s) as T;
  } catch {
    return null;
  }
};

export async function listExerciseValidation(db: Db, actor: StaffActor): Promise<ExerciseValidationRow[]> {
  requireInstructor(actor);
  const ex = await db.exercise.findMany({ orderBy: [{ section: "asc" }, { slug: "asc" }] });
  const versions = await db.exerciseVersion.findMany({
    where: { id: { in: ex.map((e) => e.currentVersionId).filter((v): v is string => !!v) } },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  return ex.map((e) => {
    const v = e.currentVersionId ? byId.get(e.currentVersionId) : undefined;
    return {
      id: e.id,
      slug: e.slug,
      section: e.section,
      version: v?.version ?? null,
      titleEn: v?.titleEn ?? e.slug,
      titleZh: v?.titleZh ?? e.slug,
      points: v?.points ?? null,
      report: parse<CheckReport>(v?.checkJson),
    };
  });
}

/** What a student sees before writing code: prompt, signature, starter, case counts. Any staff may preview. */
export async function exercisePreview(db: Db, _actor: StaffActor, exerciseId: string) {
  const e = await db.exercise.findUnique({ where: { id: exerciseId } });
  if (!e?.currentVersionId) throw new StaffNotFoundError("exercise");
  const v = await db.exerciseVersion.findUniqueOrThrow({ where: { id: e.currentVersionId } });
  return { exercise: e, version: v, meta: parse<ExerciseMeta>(v.metaJson) };
}

/**
 * Stores `exercises:check` reports on the exercise versions they checked (matched by the
 * folder's content hash), so the validation view shows them. Used by `npm run exercises:check -- --store`.
 * Returns the slugs stored and those whose current folder content is not synced yet.
 */
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
