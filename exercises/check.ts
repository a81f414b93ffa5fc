/**
 * `npm run exercises:check`: proves, for every exercise in the catalogue, that
 *  - solution.ts gets full marks through the real sandbox, and starter.ts does not;
 *  - there are ≥ 2 visible and ≥ 10 hidden cases, generated deterministically
 *    (same seed → identical JSON);
 *  - every registered misconception fails ≥ 1 hidden case on EACH of 1000 seeds
 *    (host side: reference vs variant with the grader's compare), and on the grading
 *    seed the feedback matcher recognises its output with its OWN hint;
 *  - both prompts exist and mention the entry function;
 *  - the TypeScript declaration and the reference's signature are mutually assignable,
 *    and solution.ts / starter.ts type-check against it (TypeScript compiler API).
 * Prints a table; exits non-zero on any failure. `checkExercise(entry)` returns the
 * same JSON report for one exercise (the staff UI stores it on the exercise version).
 */

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { compare } from "../grader/compare";
import { matchMisconception } from "../grader/feedback";
import { grade, gradingSeed } from "../grader/grade";
import { Rng } from "../reference/random";
import { loadCatalogue, type ExerciseEntry } from "./catalogue";

export const MISCONCEPTION_SEEDS = 1000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface MisconceptionReport {
  id: string;
  /** Seeds (of MISCONCEPTION_SEEDS) on which it fails at least one hidden case. */
  caughtSeeds: number;
  firstUncaughtSeed?: number;
  /** On the grading seed, its own output is matched to its own hint. */
  ownHint: boolean;
  matchedAs?: string;
}

export interface CheckReport {
  folder: string;
  slug: string;
  section: string;
  points: number;
  ok: boolean;
  errors: string[];
  visibleCases: number;
  hiddenCases: number;
  deterministic: boolean;
  prompts: { en: boolean; zh: boolean };
  solution?: { score: number; maxScore: number; status: string };
  starter?: { score: number; maxScore: number; status: string };
  misconceptions: MisconceptionReport[];
  declaration: { ok: boolean; errors: string[] };
  ms: number;
}

// ---------------------------------------------------------------- one exercise (all but TypeScript)

async function checkRuntime(entry: ExerciseEntry, seeds: number): Promise<CheckReport> {
  const t0 = performance.now();
  const { spec } = entry;
  const errors: string[] = [];
  const seed = gradingSeed(spec);
  const file = (n: string) => path.join(entry.dir, n);
  const read = (n: string) => (fs.existsSync(file(n)) ? fs.readFileSync(file(n), "utf8") : undefined);

  // prompts
  const prompts = { en: false, zh: false };
  for (const lang of ["en", "zh"] as const) {
    const text = read(`prompt.${lang}.md`);
    if (text === undefined) errors.push(`prompt.${lang}.md is missing`);
    else if (!text.includes(spec.entry)) errors.push(`prompt.${lang}.md does not mention the entry function "${spec.entry}"`);
    else prompts[lang] = true;
  }

  // cases and determinism
  let visible: unknown[] = [];
  let hidden: { args: unknown[] }[] = [];
  let deterministic = false;
  try {
    visible = spec.visibleCases(new Rng(seed));
    hidden = spec.hiddenCases(new Rng(seed));
    deterministic =
      JSON.stringify(visible) === JSON.stringify(spec.visibleCases(new Rng(seed))) &&
      JSON.stringify(hidden) === JSON.stringify(spec.hiddenCases(new Rng(seed))) &&
      JSON.stringify(spec.hiddenCases(new Rng(7))) === JSON.stringify(spec.hiddenCases(new Rng(7)));
    if (!deterministic) errors.push("case generation is not deterministic (same seed gave different cases)");
    if (visible.length < 2) errors.push(`only ${visible.length} visible case(s); at least 2 are required`);
    if (hidden.length < 10) errors.push(`only ${hidden.length} hidden case(s); at least 10 are required`);
    const names = [...visible, ...hidden].map((c) => (c as { name: string }).name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) errors.push(`case name "${dup}" is used twice`);
  } catch (err) {
    errors.push(`case generation threw: ${(err as Error).message}`);
  }

  // solution and starter through the real sandbox
  let solution: CheckReport["solution"];
  let starter: CheckReport["starter"];
  for (const which of ["solution", "starter"] as const) {
    const code = read(`${which}.ts`);
    if (code === undefined) {
      errors.push(`${which}.ts is missing`);
      continue;
    }
    try {
      const r = await grade({ spec, code, mode: "submit" });
      const s = { score: r.score, maxScore: r.maxScore, status: r.status };
      if (which === "solution") {
        solution = s;
        if (r.score !== r.maxScore || r.maxScore !== spec.points) {
          const failed = r.cases.filter((c) => c.status !== "passed").slice(0, 3);
          errors.push(`solution.ts scores ${r.score}/${r.maxScore} (${r.status}: ${failed.map((c) => `${c.name}: ${c.message.en}`).join("; ") || r.message.en})`);
        }
      } else {
        starter = s;
        if (r.score >= r.maxScore) errors.push("starter.ts already gets full marks");
      }
    } catch (err) {
      errors.push(`grading ${which}.ts crashed: ${(err as Error).stack ?? err}`);
    }
  }

  // misconceptions over many seeds (host side, same compare routine as the grader)
  const reports: MisconceptionReport[] = spec.misconceptions.map((m) => ({ id: m.id, caughtSeeds: 0, ownHint: false }));
  try {
    for (let s = 0; s < seeds; s++) {
      const cases = spec.hiddenCases(new Rng(s));
      const expected: unknown[] = [];
      const exp = (i: number) => (i in expected ? expected[i] : (expected[i] = spec.reference(...structuredClone(cases[i].args))));
      spec.misconceptions.forEach((m, k) => {
        for (let i = 0; i < cases.length; i++) {
          let wrong: unknown;
          try {
            wrong = m.fn(...structuredClone(cases[i].args));
          } catch {
            reports[k].caughtSeeds++; // a variant that crashes is certainly caught
            return;
          }
          if (!compare(exp(i), wrong, spec.output).pass) {
            reports[k].caughtSeeds++;
            return;
          }
        }
        reports[k].firstUncaughtSeed ??= s;
      });
    }
    // own hint on the grading seed
    spec.misconceptions.forEach((m, k) => {
      for (const c of hidden as { args: unknown[] }[]) {
        const expected = spec.reference(...structuredClone(c.args));
        let wrong: unknown;
        try {
          wrong = m.fn(...structuredClone(c.args));
        } catch {
          continue;
        }
        if (compare(expected, wrong, spec.output).pass) continue;
        const match = matchMisconception(spec.misconceptions, c.args, wrong, spec.output, expected);
        reports[k].matchedAs = match?.id;
        reports[k].ownHint = match?.id === m.id;
        if (reports[k].ownHint) break;
      }
    });
  } catch (err) {
    errors.push(`misconception check threw: ${(err as Error).stack ?? err}`);
  }
  for (const r of reports) {
    if (r.caughtSeeds < seeds) errors.push(`misconception ${r.id} passes every hidden case on seed ${r.firstUncaughtSeed} (caught on ${r.caughtSeeds}/${seeds} seeds)`);
    if (!r.ownHint) errors.push(`misconception ${r.id} is not recognised with its own hint on the grading seed${r.matchedAs ? ` (matched ${r.matchedAs} first)` : ""}`);
  }
  const ids = spec.misconceptions.map((m) => m.id);
  const dupId = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dupId) errors.push(`misconception id ${dupId} is registered twice`);

  return {
    folder: entry.folder,
    slug: spec.slug,
    section: spec.section,
    points: spec.points,
    ok: false,
    errors,
    visibleCases: visible.length,
    hiddenCases: hidden.length,
    deterministic,
    prompts,
    solution,
    starter,
    misconceptions: reports,
    declaration: { ok: false, errors: [] },
    ms: performance.now() - t0,
  };
}

// ---------------------------------------------------------------- TypeScript: declaration vs reference, student files

const DECL = "__gibbs_check_decl__.ts";
const PROBE = "__gibbs_check_probe__.ts";

/** Type-checks the declarations of several exercises in one TypeScript program. */
export function checkDeclarations(entries: ExerciseEntry[]): Map<string, string[]> {
  const virtual = new Map<string, string>();
  const owner = new Map<string, string>();
  const roots: string[] = [];
  for (const e of entries) {
    const { entry } = e.spec;
    const decl = path.join(e.dir, DECL);
    const probe = path.join(e.dir, PROBE);
    virtual.set(decl, e.spec.declaration);
    const lines = [
      `import spec from "./exercise";`,
      `import * as decl from "./${DECL.replace(/\.ts$/, "")}";`,
      `type Declared = typeof decl.${entry};`,
      `type Reference = typeof spec.reference;`,
      `declare const ref: Reference;`,
      `declare const dec: Declared;`,
      `export const declaredFromReference: Declared = ref;`,
      `export const referenceFromDeclared: Reference = dec;`,
    ];
    for (const f of ["solution", "starter"]) {
      if (!fs.existsSync(path.join(e.dir, `${f}.ts`))) continue;
      lines.push(`import * as ${f} from "./${f}";`, `export const ${f}Matches: Declared = ${f}.${entry};`);
      roots.push(path.join(e.dir, `${f}.ts`));
      owner.set(path.join(e.dir, `${f}.ts`), e.folder);
    }
    virtual.set(probe, lines.join("\n"));
    roots.push(probe, decl);
    owner.set(probe, e.folder);
    owner.set(decl, e.folder);
  }
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: [],
    lib: ["lib.es2023.d.ts"],
    baseUrl: ROOT,
    paths: { lab: ["./grader/lab/lab.ts"], "@/*": ["./*"] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => {
    const text = virtual.get(path.resolve(name));
    return text !== undefined ? ts.createSourceFile(name, text, lang, true) : getSourceFile(name, lang, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(path.resolve(name)) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(path.resolve(name)) ?? readFile(name);
  const program = ts.createProgram(roots, options, host);
  const out = new Map<string, string[]>(entries.map((e) => [e.folder, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const fname = d.file ? path.resolve(d.file.fileName) : "";
    const folder = owner.get(fname);
    if (!folder) continue;
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const shown = path.basename(fname) === PROBE ? "declaration vs reference/solution/starter" : path.basename(fname) === DECL ? "declaration" : path.basename(fname);
    out.get(folder)!.push(`${shown}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  }
  return out;
}

// ---------------------------------------------------------------- public API

/** Full check of one exercise, as a JSON-able report. */
export async function checkExercise(entry: ExerciseEntry, opts: { seeds?: number } = {}): Promise<CheckReport> {
  const r = await checkRuntime(entry, opts.seeds ?? MISCONCEPTION_SEEDS);
  const t = performance.now();
  applyDeclaration(r, checkDeclarations([entry]).get(entry.folder) ?? []);
  r.ms += performance.now() - t;
  return r;
}

/** Checks a whole catalogue (TypeScript in one program for speed). */
export async function checkCatalogue(catalogue: Map<string, ExerciseEntry>, opts: { seeds?: number } = {}): Promise<CheckReport[]> {
  const entries = [...catalogue.values()];
  const decl = checkDeclarations(entries);
  const reports: CheckReport[] = [];
  for (const e of entries) {
    const r = await checkRuntime(e, opts.seeds ?? MISCONCEPTION_SEEDS);
    applyDeclaration(r, decl.get(e.folder) ?? []);
    reports.push(r);
  }
  return reports;
}

function applyDeclaration(r: CheckReport, errors: string[]): void {
  r.declaration = { ok: errors.length === 0, errors };
  for (const e of errors) r.errors.push(e);
  r.ok = r.errors.length === 0;
}

export function formatReports(reports: CheckReport[]): string {
  const head = ["exercise", "section", "points", "visible", "hidden", "misconceptions caught", "solution", "starter", "ms", "status"];
  const rows = reports.map((r) => [
    r.folder,
    r.section,
    String(r.points),
    String(r.visibleCases),
    String(r.hiddenCases),
    `${r.misconceptions.filter((m) => m.caughtSeeds === MISCONCEPTION_SEEDS && m.ownHint).length}/${r.misconceptions.length}`,
    r.solution ? `${round(r.solution.score)}/${round(r.solution.maxScore)}` : "-",
    r.starter ? `${round(r.starter.score)}/${round(r.starter.maxScore)}` : "-",
    r.ms.toFixed(0),
    r.ok ? "ok" : "FAIL",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  for (const r of reports) if (!r.ok) out.push("", `${r.folder}:`, ...r.errors.map((e) => `  - ${e}`));
  const mis = reports.reduce((s, r) => s + r.misconceptions.length, 0);
  out.push("", `${reports.length} exercises, ${reports.filter((r) => r.ok).length} ok; ${mis} misconceptions; ${reports.reduce((s, r) => s + r.hiddenCases, 0)} hidden cases.`);
  return out.join("\n");
}

const round = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

async function main(): Promise<void> {
  const t0 = performance.now();
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const only = args.filter((a) => !a.startsWith("--"));
  const catalogue = await loadCatalogue(process.env.GIBBS_EXERCISES_DIR);
  if (only.length) for (const k of [...catalogue.keys()]) if (!only.includes(k) && !only.includes(catalogue.get(k)!.folder)) catalogue.delete(k);
  if (catalogue.size === 0) {
    console.error("exercises:check: no exercises found");
    process.exit(1);
  }
  const reports = await checkCatalogue(catalogue);
  console.log(json ? JSON.stringify(reports, null, 2) : formatReports(reports));
  if (args.includes("--store")) {
    // Saves each report on its exercise version for the staff validation view (DATABASE_URL or data/gibbs.db).
    const { createDb } = await import("../prisma/client");
    const { storeCheckReports } = await import("../app/_lib/staff/validation");
    const db = createDb();
    const r = await storeCheckReports(db, catalogue, reports);
    await db.$disconnect();
    console.error(`stored ${r.stored.length} report(s)${r.notSynced.length ? `; not synced yet (run npm run exercises:sync): ${r.notSynced.join(", ")}` : ""}`);
  }
  if (!json) console.log(`checked in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(reports.every((r) => r.ok) ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
