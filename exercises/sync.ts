/**
 * Upserts the exercise catalogue into the database (`npm run exercises:sync`).
 *
 * Each exercise folder is stored as an immutable ExerciseVersion keyed by its content
 * hash (exerciseHash). A folder whose content changed becomes version n+1 and the
 * exercise's currentVersionId moves to it; old versions are kept, so old submissions
 * still show what they were graded against. Exercises that left the catalogue are kept.
 */

import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../prisma/client";
import { Rng } from "../reference/random";
import { toJson } from "../grader/json";
import {
  exerciseContent,
  exerciseHash,
  loadCatalogue,
  prepareDeclarations,
  scaffoldLeftovers,
  type ExerciseEntry,
} from "./catalogue";

/** What the UI and staff tools read from ExerciseVersion.metaJson. */
export interface ExerciseMeta {
  folder: string;
  section: string;
  output: ExerciseEntry["spec"]["output"];
  toleranceReason: { en: string; zh: string } | null;
  visibleCases: number;
  hiddenCases: number;
  hiddenVisibility: "hidden" | "after_due_date";
  misconceptions: { id: string; hint: { en: string; zh: string } }[];
  helpers: string[];
  limits: NonNullable<ExerciseEntry["spec"]["limits"]> | null;
  /** Starting points for the scratchpad: visible-case arguments drawn with seeds other than the grading seed. */
  tryExamples: TryExample[];
}

export interface TryExample {
  /** The visible case's name. */
  name: { en: string; zh: string };
  seed: number;
  /** The arguments as JSON text (NaN and ±Infinity as strings, see grader/json.ts). */
  args: string;
}

/** Seeds of the scratchpad's examples: small numbers a student can name ("seed 2"). */
const TRY_SEEDS = [1, 2, 3];

function tryExamples(spec: ExerciseEntry["spec"]): TryExample[] {
  return TRY_SEEDS.flatMap((seed) =>
    spec.visibleCases(new Rng(seed)).map((c) => ({ name: c.name, seed, args: toJson(c.args) })),
  );
}

export function exerciseMeta(entry: ExerciseEntry): ExerciseMeta {
  const { spec } = entry;
  return {
    folder: entry.folder,
    section: spec.section,
    output: spec.output,
    toleranceReason: spec.toleranceReason ?? null,
    // Counts only: the generators are deterministic per seed and their length does not depend on it.
    visibleCases: spec.visibleCases(new Rng(spec.slug)).length,
    hiddenCases: spec.hiddenCases(new Rng(spec.slug)).length,
    hiddenVisibility: spec.hiddenVisibility ?? "hidden",
    misconceptions: spec.misconceptions.map((m) => ({ id: m.id, hint: m.hint })),
    helpers: spec.helpers ?? [],
    limits: spec.limits ?? null,
    tryExamples: tryExamples(spec),
  };
}

export interface SyncReport {
  created: string[];
  /** slug → new version number */
  newVersions: Record<string, number>;
  unchanged: string[];
  /** In the database but no longer in the catalogue (kept). */
  missing: string[];
  /** Scaffolds from `npm run exercises:new` that are not filled in yet: not stored, so no student sees them. */
  drafts: string[];
}

export async function syncExercises(db: Db, catalogue?: Map<string, ExerciseEntry>): Promise<SyncReport> {
  const entries = catalogue ?? (await loadCatalogue());
  const report: SyncReport = { created: [], newVersions: {}, unchanged: [], missing: [], drafts: [] };
  const ready = [...entries.values()].filter((e) => scaffoldLeftovers(e).length === 0);
  report.drafts = [...entries.values()].filter((e) => !ready.includes(e)).map((e) => e.spec.slug);
  prepareDeclarations(ready);
  for (const entry of ready) {
    const { spec } = entry;
    const hash = exerciseHash(entry);
    const content = {
      hash,
      titleEn: spec.title.en,
      titleZh: spec.title.zh,
      points: spec.points,
      entry: spec.entry,
      ...exerciseContent(entry),
      metaJson: JSON.stringify(exerciseMeta(entry)),
    };
    await db.$transaction(async (tx) => {
      const existing = await tx.exercise.findUnique({
        where: { slug: spec.slug },
        select: { id: true, currentVersionId: true },
      });
      const exercise = existing
        ? await tx.exercise.update({
            where: { id: existing.id },
            data: { section: spec.section },
            select: { id: true, currentVersionId: true },
          })
        : await tx.exercise.create({
            data: { slug: spec.slug, section: spec.section },
            select: { id: true, currentVersionId: true },
          });
      const same = await tx.exerciseVersion.findUnique({
        where: { exerciseId_hash: { exerciseId: exercise.id, hash } },
        select: { id: true },
      });
      if (same) {
        // Unchanged (or reverted to an earlier version's content, which becomes current again). Its
        // metadata is derived from the files by this code, so it is refreshed when the code changes.
        await tx.exerciseVersion.update({ where: { id: same.id }, data: { metaJson: content.metaJson } });
        if (exercise.currentVersionId !== same.id) {
          await tx.exercise.update({ where: { id: exercise.id }, data: { currentVersionId: same.id } });
        }
        report.unchanged.push(spec.slug);
        return;
      }
      const last = await tx.exerciseVersion.findFirst({
        where: { exerciseId: exercise.id },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      const version = (last?.version ?? 0) + 1;
      const created = await tx.exerciseVersion.create({
        data: { exerciseId: exercise.id, version, ...content },
        select: { id: true },
      });
      await tx.exercise.update({ where: { id: exercise.id }, data: { currentVersionId: created.id } });
      if (existing) report.newVersions[spec.slug] = version;
      else report.created.push(spec.slug);
    });
  }
  const known = await db.exercise.findMany({ select: { slug: true } });
  report.missing = known.map((e) => e.slug).filter((slug) => !entries.has(slug));
  return report;
}

export function formatSyncReport(r: SyncReport): string {
  const lines = [
    `exercises: ${r.created.length} new, ${Object.keys(r.newVersions).length} changed, ${r.unchanged.length} unchanged`,
    ...r.created.map((s) => `  + ${s} (version 1)`),
    ...Object.entries(r.newVersions).map(([s, v]) => `  ~ ${s} (version ${v})`),
  ];
  if (r.missing.length) lines.push(`  kept, no longer in exercises/: ${r.missing.join(", ")}`);
  if (r.drafts.length)
    lines.push(`  not stored, scaffold not filled in yet (see npm run exercises:check): ${r.drafts.join(", ")}`);
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { createDb } = await import("../prisma/client");
  const { applyMigrations } = await import("../prisma/migrate");
  await applyMigrations();
  const db = createDb();
  try {
    console.log(formatSyncReport(await syncExercises(db)));
  } catch (e) {
    console.error(`exercises:sync: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}
