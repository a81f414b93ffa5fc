/**
 * Discovers the exercise folders `exercises/<section>-<slug>/` and loads their specs.
 * Adding an exercise means adding a folder; nothing else lists them.
 */

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { toJson } from "../grader/json";
import { gradingSeed, type ExerciseSpec } from "../grader/spec";
import { Rng } from "../reference/random";

export const EXERCISES_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface ExerciseEntry {
  /** Folder name, e.g. "10.3-rbm-cd1". */
  folder: string;
  dir: string;
  spec: ExerciseSpec;
}

/** Folder names of all exercises, sorted by section then slug. */
export function exerciseFolders(root: string = EXERCISES_DIR): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^10\.\d-/.test(d.name) && fs.existsSync(path.join(root, d.name, "exercise.ts")))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** Loads one exercise folder and checks that its folder name matches its spec. */
export async function loadExercise(folder: string, root: string = EXERCISES_DIR): Promise<ExerciseEntry> {
  const dir = path.join(root, folder);
  const mod = (await import(pathToFileURL(path.join(dir, "exercise.ts")).href)) as { default?: ExerciseSpec };
  const spec = mod.default;
  if (!spec) throw new Error(`exercises/${folder}/exercise.ts has no default export`);
  if (folder !== `${spec.section}-${spec.slug}`) {
    throw new Error(`exercises/${folder}: folder name must be "${spec.section}-${spec.slug}"`);
  }
  return { folder, dir, spec };
}

/** All exercises, keyed by slug. `root` defaults to exercises/ (tests pass a temporary folder). */
export async function loadCatalogue(root: string = EXERCISES_DIR): Promise<Map<string, ExerciseEntry>> {
  const entries = await Promise.all(exerciseFolders(root).map((f) => loadExercise(f, root)));
  const bySlug = new Map<string, ExerciseEntry>();
  for (const e of entries) {
    if (bySlug.has(e.spec.slug)) throw new Error(`duplicate exercise slug "${e.spec.slug}"`);
    bySlug.set(e.spec.slug, e);
  }
  return bySlug;
}

/** Reads one of an exercise's text files: prompt.en.md, prompt.zh.md, starter.ts, solution.ts. */
export function readExerciseFile(
  entry: ExerciseEntry,
  name: "prompt.en.md" | "prompt.zh.md" | "starter.ts" | "solution.ts",
): string {
  return fs.readFileSync(path.join(entry.dir, name), "utf8");
}

/**
 * Content version hash of an exercise: sha256 over the folder's files (names and bytes,
 * sorted by name) and over the graded numbers themselves: every case's arguments and
 * the reference's expected output on the grading seed. A changed prompt, generator or
 * solution is a new version, and so is a change under reference/ that moves any
 * expected value; a refactor that leaves every number alone is not.
 */
export function exerciseHash(entry: Pick<ExerciseEntry, "dir" | "spec">): string {
  const h = createHash("sha256");
  for (const name of fs.readdirSync(entry.dir).sort()) {
    const file = path.join(entry.dir, name);
    if (!fs.statSync(file).isFile()) continue;
    h.update(name).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  const { spec } = entry;
  const seed = gradingSeed(spec);
  for (const c of [...spec.visibleCases(new Rng(seed)), ...spec.hiddenCases(new Rng(seed))]) {
    const expected = spec.reference(...structuredClone(c.args));
    h.update(toJson({ name: c.name, weight: c.weight ?? 1, args: c.args, expected })).update("\0");
  }
  return h.digest("hex");
}
