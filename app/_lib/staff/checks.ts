/**
 * Exercise check view (instructors): each exercise's current version with the stored
 * `exercises:check` report (ExerciseVersion.checkJson, read through exercises/report.ts),
 * and the data for "preview as student".
 */

import type { Db } from "@/prisma/client";
import { parseCheckReport, type CheckReport } from "@/exercises/report";
import type { ExerciseMeta } from "@/exercises/sync";
import { asInstructor, type StaffContext } from "@/app/_lib/access";
import { AccessError } from "@/app/_lib/errors";

export interface ExerciseCheckRow {
  id: string;
  slug: string;
  section: string;
  version: number | null;
  titleEn: string;
  titleZh: string;
  points: number | null;
  /** null when the check has not been run for this version. */
  report: CheckReport | null;
  /** From the grader workers' catalogue load report: why exercise.ts did not load (its submissions wait). */
  loadError: { message: string; at: Date } | null;
}

const parse = <T>(s: string | null | undefined): T | null => {
  if (!s) return null;
  try {
    return JSON.parse(s) as T;
  } catch {
    return null;
  }
};

export async function listExerciseChecks(db: Db, actor: StaffContext): Promise<ExerciseCheckRow[]> {
  asInstructor(actor);
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
      report: parseCheckReport(v?.checkJson),
      loadError: e.loadError ? { message: e.loadError, at: e.loadErrorAt ?? e.createdAt } : null,
    };
  });
}

/** What a student sees before writing code: prompt, signature, starter, case counts. Any staff may preview. */
export async function exercisePreview(db: Db, _actor: StaffContext, exerciseId: string) {
  const e = await db.exercise.findUnique({ where: { id: exerciseId } });
  if (!e?.currentVersionId) throw new AccessError("not_found", "exercise");
  const v = await db.exerciseVersion.findUniqueOrThrow({ where: { id: e.currentVersionId } });
  return { exercise: e, version: v, meta: parse<ExerciseMeta>(v.metaJson) };
}
