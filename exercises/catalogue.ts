/**
 * Discovers the exercise folders `exercises/<section>-<slug>/` and loads their specs.
 * Adding an exercise means adding a folder; nothing else lists them. The folder name is
 * the exercise's identity (section and slug); the editor's declaration and the prompts'
 * footer are derived here too, so what students see is what `exerciseHash` covers.
 */

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { toJson } from "../grader/json";
import { SECTION_IDS } from "../grader/sections";
import { gradingSeed, type ExerciseDefinition, type ExerciseSpec, type Section } from "../grader/spec";
import { Rng } from "../reference/random";
import { deriveDeclarations } from "./declaration";
import { servedPrompt } from "./prompt";

export const EXERCISES_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface ExerciseEntry {
  /** Folder name, e.g. "10.3-rbm-cd1". */
  folder: string;
  dir: string;
  spec: ExerciseSpec;
}

/** `10.3-rbm-cd1` → section "10.3", slug "rbm-cd1" (lower-case words joined by hyphens). */
const FOLDER = /^(10\.\d)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Marks what `npm run exercises:new` leaves for the author to fill in; exercises:check fails while any is left. */
export const SCAFFOLD_MARK = "TODO(exercises:new)";

/** Folder names of all exercises, sorted by section then slug. */
export function exerciseFolders(root: string = EXERCISES_DIR): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^10\.\d-/.test(d.name) && fs.existsSync(path.join(root, d.name, "exercise.ts")))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** Section and slug of an exercise folder name, or an error saying what the name must look like. */
export function parseFolder(folder: string): { section: Section; slug: string } {
  const m = FOLDER.exec(folder);
  if (!m || !(SECTION_IDS as readonly string[]).includes(m[1]))
    throw new Error(
      `exercises/${folder}: the folder name must be <section>-<slug>, with a section of ${SECTION_IDS.join(", ")} and a slug of lower-case words joined by hyphens (e.g. 10.3-rbm-cd1)`,
    );
  return { section: m[1] as Section, slug: m[2] };
}

/** Loads one exercise folder; its section and slug come from the folder name. */
export async function loadExercise(folder: string, root: string = EXERCISES_DIR): Promise<ExerciseEntry> {
  const { section, slug } = parseFolder(folder);
  const dir = path.join(root, folder);
  const mod = (await import(pathToFileURL(path.join(dir, "exercise.ts")).href)) as { default?: ExerciseDefinition };
  const definition = mod.default;
  if (!definition) throw new Error(`exercises/${folder}/exercise.ts has no default export`);
  for (const key of ["slug", "section", "declaration"])
    if (key in definition)
      throw new Error(
        `exercises/${folder}/exercise.ts states "${key}": remove it (the slug and section come from the folder name, the declaration from the reference function)`,
      );
  return { folder, dir, spec: { ...definition, slug, section } };
}

/** An exercise folder that could not be loaded (its exercise.ts threw, or its name or export is wrong). */
export interface BrokenExercise {
  folder: string;
  /** From the folder name; null when the name itself is wrong. */
  slug: string | null;
  /** The error, for staff (never shown to students). */
  error: string;
}

/** The catalogue's load report: every exercise loaded on its own, so one broken folder leaves the rest usable. */
export interface CatalogueLoad {
  /** The exercises that loaded, keyed by slug. */
  entries: Map<string, ExerciseEntry>;
  broken: BrokenExercise[];
}

/** Loads each exercise folder separately (the grader workers: a broken exercise waits, the others grade). */
export async function loadCatalogueReport(root: string = EXERCISES_DIR): Promise<CatalogueLoad> {
  const folders = exerciseFolders(root);
  const loaded = await Promise.allSettled(folders.map((f) => loadExercise(f, root)));
  const out: CatalogueLoad = { entries: new Map(), broken: [] };
  loaded.forEach((r, i) => {
    const folder = folders[i];
    const slug = FOLDER.exec(folder)?.[2] ?? null;
    if (r.status === "rejected") {
      const e = r.reason as Error;
      out.broken.push({ folder, slug, error: String(e?.message ?? e).slice(0, 4000) });
    } else if (out.entries.has(r.value.spec.slug))
      out.broken.push({ folder, slug, error: `duplicate exercise slug "${r.value.spec.slug}"` });
    else out.entries.set(r.value.spec.slug, r.value);
  });
  return out;
}

/**
 * All exercises, keyed by slug; throws if any folder does not load (sync, check, seed and the CLI
 * must not go on with part of the course). `root` defaults to exercises/ (tests pass a temporary folder).
 */
export async function loadCatalogue(root: string = EXERCISES_DIR): Promise<Map<string, ExerciseEntry>> {
  const { entries, broken } = await loadCatalogueReport(root);
  if (broken.length === 1) throw new Error(broken[0].error);
  if (broken.length) throw new Error(broken.map((b) => `exercises/${b.folder}: ${b.error}`).join("\n"));
  return entries;
}

export type ExerciseFile = "exercise.ts" | "prompt.en.md" | "prompt.zh.md" | "starter.ts" | "solution.ts";

/** Reads one of an exercise's files. */
export function readExerciseFile(entry: Pick<ExerciseEntry, "dir">, name: ExerciseFile): string {
  return fs.readFileSync(path.join(entry.dir, name), "utf8");
}

/** "file:line" of every scaffold placeholder still left in the folder (none once the exercise is written). */
export function scaffoldLeftovers(entry: Pick<ExerciseEntry, "dir">): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(entry.dir).sort()) {
    const file = path.join(entry.dir, name);
    if (!fs.statSync(file).isFile()) continue;
    fs.readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => line.includes(SCAFFOLD_MARK) && out.push(`${name}:${i + 1}`));
  }
  return out;
}

const declarations = new Map<string, string | Error>();

/** Derives the declarations of several exercises in one TypeScript program, for `editorDeclaration` to reuse. */
export function prepareDeclarations(entries: ExerciseEntry[]): void {
  const todo = entries.filter((e) => !declarations.has(e.dir));
  if (todo.length)
    for (const [i, d] of deriveDeclarations(todo)) declarations.set(todo.find((e) => e.folder === i)!.dir, d);
}

/** The TypeScript declaration of the entry function that the editor shows (derived from the reference, see declaration.ts). */
export function editorDeclaration(entry: ExerciseEntry): string {
  prepareDeclarations([entry]);
  const d = declarations.get(entry.dir)!;
  if (d instanceof Error) throw new Error(`exercises/${entry.folder}: cannot derive the declaration: ${d.message}`);
  return d;
}

/** What students are served from one exercise version (stored by sync, covered by the hash). */
export interface ExerciseContent {
  promptEn: string;
  promptZh: string;
  starter: string;
  declaration: string;
}

export function exerciseContent(entry: ExerciseEntry): ExerciseContent {
  return {
    promptEn: servedPrompt(readExerciseFile(entry, "prompt.en.md"), entry.spec, "en"),
    promptZh: servedPrompt(readExerciseFile(entry, "prompt.zh.md"), entry.spec, "zh"),
    starter: readExerciseFile(entry, "starter.ts"),
    declaration: editorDeclaration(entry),
  };
}

/**
 * Content version hash of an exercise: sha256 over the folder's files (names and bytes,
 * sorted by name), over what students are served (prompts with their generated footer, the
 * derived declaration), and over the graded numbers themselves: every case's arguments and
 * the reference's expected output on the grading seed. A changed prompt, generator or
 * solution is a new version, and so is a change under reference/ that moves any expected
 * value or the declaration; a refactor that leaves all of these alone is not.
 */
export function exerciseHash(entry: ExerciseEntry): string {
  const h = createHash("sha256");
  for (const name of fs.readdirSync(entry.dir).sort()) {
    const file = path.join(entry.dir, name);
    if (!fs.statSync(file).isFile()) continue;
    h.update(name).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  const content = exerciseContent(entry);
  h.update(toJson([content.promptEn, content.promptZh, content.declaration])).update("\0");
  const { spec } = entry;
  const seed = gradingSeed(spec);
  for (const c of [...spec.visibleCases(new Rng(seed)), ...spec.hiddenCases(new Rng(seed))]) {
    const args: unknown[] = c.args;
    const expected: unknown = spec.reference(...structuredClone(args));
    h.update(toJson({ name: c.name, weight: c.weight ?? 1, args, expected })).update("\0");
  }
  return h.digest("hex");
}
