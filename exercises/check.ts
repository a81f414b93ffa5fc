/**
 * `npm run exercises:check`: proves, for every exercise in the catalogue, that
 *  - solution.ts gets full marks through the real sandbox, and starter.ts does not;
 *  - there are ≥ 2 visible and ≥ 10 hidden cases, generated deterministically
 *    (same seed → identical JSON);
 *  - the reference is deterministic too (same case → identical expected JSON), and the
 *    number of hidden cases does not depend on the seed (sync stores one count);
 *  - every registered misconception fails ≥ 1 hidden case on EACH of 1000 seeds
 *    (host side: reference vs variant with the grader's compare) and, on each of those
 *    seeds, one of its failing outputs is matched to its OWN hint by the grader's rule
 *    (first registered variant whose output matches); on the grading seed the real
 *    feedback matcher recognises it with its own hint;
 *  - every hint has a non-empty en text and a zh text written in Chinese;
 *  - both prompts exist, mention the entry function, and prompt.zh.md is in Chinese;
 *  - a loosened tolerance comes with a toleranceReason;
 *  - the TypeScript declaration is mutually assignable with BOTH the spec's argument
 *    types and the actual reference function's own signature (same parameter count,
 *    no `any`), exercise.ts itself type-checks, and solution.ts / starter.ts
 *    type-check against the declaration (TypeScript compiler API);
 *  - for the whole catalogue (no folder filter): ≥ 24 exercises, ≥ 2 per section
 *    10.1–10.7, ≥ 40 misconceptions.
 * Prints a table; exits non-zero on any failure. `checkExercise(entry)` returns the
 * same JSON report for one exercise (the staff UI stores it on the exercise version).
 */

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { compare } from "../grader/compare";
import { toJson } from "../grader/json";
import { matchMisconception } from "../grader/feedback";
import { grade, gradingSeed } from "../grader/grade";
import { DEFAULT_TOLERANCE, type Case, type OutputSchema } from "../grader/spec";
import { SECTION_IDS } from "../grader/sections";
import { Rng } from "../reference/random";
import { loadCatalogue, type ExerciseEntry } from "./catalogue";

export const MISCONCEPTION_SEEDS = 1000;
/** Catalogue-wide minimums (the issue's requirements), checked when the whole catalogue is checked. */
export const CATALOGUE_MINIMUMS = { exercises: 24, perSection: 2, misconceptions: 40 } as const;
const CJK = /[\u4e00-\u9fff]/;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface MisconceptionReport {
  id: string;
  /** Seeds (of MISCONCEPTION_SEEDS) on which it fails at least one hidden case. */
  caughtSeeds: number;
  firstUncaughtSeed?: number;
  /** Seeds on which one of its failing outputs is matched to its own hint (no earlier variant matches it first). */
  ownHintSeeds?: number;
  firstWrongHintSeed?: number;
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
  /** Number of seeds each misconception was tried on. */
  seeds?: number;
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
    else if (!text.includes(spec.entry))
      errors.push(`prompt.${lang}.md does not mention the entry function "${spec.entry}"`);
    else if (lang === "zh" && !CJK.test(text)) errors.push("prompt.zh.md is not written in Chinese");
    else prompts[lang] = true;
  }

  // hints and tolerances
  for (const m of spec.misconceptions) {
    if (!m.hint?.en?.trim()) errors.push(`misconception ${m.id} has no English hint`);
    if (!m.hint?.zh?.trim() || !CJK.test(m.hint.zh)) errors.push(`misconception ${m.id} has no Chinese hint`);
  }
  if (loosened(spec.output) && !spec.toleranceReason?.trim())
    errors.push("the output tolerance is loosened but toleranceReason is missing");

  // cases and determinism
  let visible: Case[] = [];
  let hidden: Case[] = [];
  let deterministic = false;
  try {
    visible = spec.visibleCases(new Rng(seed));
    hidden = spec.hiddenCases(new Rng(seed));
    const casesAgree =
      toJson(visible) === toJson(spec.visibleCases(new Rng(seed))) &&
      toJson(hidden) === toJson(spec.hiddenCases(new Rng(seed))) &&
      toJson(spec.visibleCases(new Rng(7))) === toJson(spec.visibleCases(new Rng(7))) &&
      toJson(spec.hiddenCases(new Rng(7))) === toJson(spec.hiddenCases(new Rng(7)));
    if (!casesAgree) errors.push("case generation is not deterministic (same seed gave different cases)");
    // The expected values are part of the content hash: the reference must be deterministic as well.
    const referenceAgrees = [...visible, ...hidden].every((c) => {
      return toJson(spec.reference(...structuredClone(c.args))) === toJson(spec.reference(...structuredClone(c.args)));
    });
    if (!referenceAgrees) errors.push("the reference is not deterministic (same case gave different expected outputs)");
    deterministic = casesAgree && referenceAgrees;
    if (visible.length < 2) errors.push(`only ${visible.length} visible case(s); at least 2 are required`);
    if (hidden.length < 10) errors.push(`only ${hidden.length} hidden case(s); at least 10 are required`);
    for (const lang of ["en", "zh"] as const) {
      const names = [...visible, ...hidden].map((c) => c.name[lang]);
      const dup = names.find((n, i) => !n || names.indexOf(n) !== i);
      if (dup !== undefined)
        errors.push(dup ? `case name (${lang}) "${dup}" is used twice` : `a case has no ${lang} name`);
    }
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
          errors.push(
            `solution.ts scores ${r.score}/${r.maxScore} (${r.status}: ${failed.map((c) => `${c.name.en}: ${c.message.en}`).join("; ") || r.message.en})`,
          );
        }
      } else {
        starter = s;
        if (r.score >= r.maxScore) errors.push("starter.ts already gets full marks");
      }
    } catch (err) {
      errors.push(`grading ${which}.ts crashed: ${(err as Error).stack ?? err}`);
    }
  }

  // misconceptions over many seeds (host side, same compare routine and matching rule as the grader)
  const reports: MisconceptionReport[] = spec.misconceptions.map((m) => ({
    id: m.id,
    caughtSeeds: 0,
    ownHintSeeds: 0,
    ownHint: false,
  }));
  const THREW = Symbol("threw");
  try {
    for (let s = 0; s < seeds; s++) {
      const cases = spec.hiddenCases(new Rng(s));
      if (cases.length !== hidden.length) {
        errors.push(
          `seed ${s} gives ${cases.length} hidden cases, the grading seed ${hidden.length}: the count must not depend on the seed`,
        );
        break;
      }
      const expected: unknown[] = [];
      const exp = (i: number) =>
        i in expected ? expected[i] : (expected[i] = spec.reference(...structuredClone(cases[i].args)));
      // outputs[i][k]: variant k on case i (computed lazily, shared by the caught and own-hint checks)
      const outputs: unknown[][] = cases.map(() => []);
      const out = (i: number, k: number): unknown => {
        if (!(k in outputs[i])) {
          try {
            outputs[i][k] = spec.misconceptions[k].fn(...structuredClone(cases[i].args));
          } catch {
            outputs[i][k] = THREW;
          }
        }
        return outputs[i][k];
      };
      const differ: boolean[][] = cases.map(() => []);
      const differs = (i: number, k: number): boolean => {
        if (!(k in differ[i])) {
          const o = out(i, k);
          differ[i][k] = o === THREW || !passes(exp(i), o, spec.output);
        }
        return differ[i][k];
      };
      spec.misconceptions.forEach((_m, k) => {
        let caught = false;
        let own = false;
        for (let i = 0; i < cases.length && !own; i++) {
          if (!differs(i, k)) continue;
          caught = true; // a variant that crashes is certainly caught, but gives no hint
          const o = out(i, k);
          if (o === THREW) continue;
          // The grader attaches the hint of the FIRST registered variant that differs from the expected
          // output and matches the student's output (feedback.ts matchWrongOutput).
          let first = k;
          for (let j = 0; j < k; j++) {
            if (differs(i, j) && out(i, j) !== THREW && passes(out(i, j), o, spec.output)) {
              first = j;
              break;
            }
          }
          own = first === k;
        }
        if (caught) reports[k].caughtSeeds++;
        else reports[k].firstUncaughtSeed ??= s;
        if (own) reports[k].ownHintSeeds!++;
        else reports[k].firstWrongHintSeed ??= s;
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
        if (passes(expected, wrong, spec.output)) continue;
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
    if (r.caughtSeeds < seeds)
      errors.push(
        `misconception ${r.id} passes every hidden case on seed ${r.firstUncaughtSeed} (caught on ${r.caughtSeeds}/${seeds} seeds)`,
      );
    else if (r.ownHintSeeds! < seeds)
      errors.push(
        `misconception ${r.id} is caught but never matched to its own hint on seed ${r.firstWrongHintSeed} (own hint on ${r.ownHintSeeds}/${seeds} seeds)`,
      );
    if (!r.ownHint)
      errors.push(
        `misconception ${r.id} is not recognised with its own hint on the grading seed${r.matchedAs ? ` (matched ${r.matchedAs} first)` : ""}`,
      );
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
    seeds,
    prompts,
    solution,
    starter,
    misconceptions: reports,
    declaration: { ok: false, errors: [] },
    ms: performance.now() - t0,
  };
}

/** The grader's comparison, verdict only (no message): whether `actual` passes against `expected`. */
function passes(expected: unknown, actual: unknown, schema: OutputSchema): boolean {
  return compare(expected, actual, schema, { verdictOnly: true }).pass;
}

/** Whether an output schema loosens the default tolerance anywhere (DOMAIN.md: only with a reason in the spec). */
function loosened(schema: OutputSchema): boolean {
  if (schema.kind === "record") return Object.values(schema.fields).some(loosened);
  if (schema.kind !== "float" || !schema.tol) return false;
  return (
    (schema.tol.atol ?? DEFAULT_TOLERANCE.atol) > DEFAULT_TOLERANCE.atol ||
    (schema.tol.rtol ?? DEFAULT_TOLERANCE.rtol) > DEFAULT_TOLERANCE.rtol
  );
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
    owner.set(path.join(e.dir, "exercise.ts"), e.folder);
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
    return text !== undefined
      ? ts.createSourceFile(name, text, lang, true)
      : getSourceFile(name, lang, onError, create);
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
    const shown =
      path.basename(fname) === PROBE
        ? "declaration vs reference/solution/starter"
        : path.basename(fname) === DECL
          ? "declaration"
          : path.basename(fname);
    out
      .get(folder)!
      .push(
        `${shown}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
  }
  // `typeof spec.reference` in the probe is the spec's declared argument list, which the real reference only has to be
  // assignable to (a reference with fewer parameters, or with `any`, would pass). Compare the declaration with the
  // reference function's OWN type as well.
  const checker = program.getTypeChecker();
  for (const e of entries) {
    const problem = compareWithReference(checker, program, e);
    if (problem) out.get(e.folder)!.push(`declaration vs reference function: ${problem}`);
  }
  return out;
}

/** The `reference` property of the object passed to `defineExercise` in exercise.ts's default export. */
function referenceExpression(sf: ts.SourceFile): ts.Node | undefined {
  for (const st of sf.statements) {
    if (!ts.isExportAssignment(st)) continue;
    let ex: ts.Expression = st.expression;
    while (ts.isParenthesizedExpression(ex) || ts.isAsExpression(ex) || ts.isSatisfiesExpression(ex))
      ex = ex.expression;
    const obj = ts.isCallExpression(ex) ? ex.arguments[0] : ex;
    if (!obj || !ts.isObjectLiteralExpression(obj)) return undefined;
    for (const p of obj.properties) {
      if (p.name && ts.isIdentifier(p.name) && p.name.text === "reference") {
        if (ts.isPropertyAssignment(p)) return p.initializer;
        if (ts.isShorthandPropertyAssignment(p)) return p.name;
      }
    }
  }
  return undefined;
}

function compareWithReference(checker: ts.TypeChecker, program: ts.Program, e: ExerciseEntry): string | undefined {
  const sf = program.getSourceFile(path.join(e.dir, "exercise.ts"));
  const declSf = program.getSourceFile(path.join(e.dir, DECL));
  if (!sf || !declSf) return "exercise.ts or the declaration could not be loaded";
  const node = referenceExpression(sf);
  if (!node) return "exercise.ts has no `reference` property in its default export";
  const refType = ts.isShorthandPropertyAssignment(node.parent)
    ? checker.getTypeOfSymbolAtLocation(checker.getShorthandAssignmentValueSymbol(node.parent)!, node)
    : checker.getTypeAtLocation(node);
  const mod = checker.getSymbolAtLocation(declSf);
  const sym = mod && checker.getExportsOfModule(mod).find((x) => x.name === e.spec.entry);
  if (!sym) return `the declaration does not export "${e.spec.entry}"`;
  const declType = checker.getTypeOfSymbolAtLocation(sym, declSf);
  const [refSigs, declSigs] = [refType.getCallSignatures(), declType.getCallSignatures()];
  if (refSigs.length !== 1 || declSigs.length !== 1)
    return `expected one call signature on each side, got ${refSigs.length} (reference) and ${declSigs.length} (declaration)`;
  const [r, d] = [refSigs[0], declSigs[0]];
  const show = (sig: ts.Signature) => checker.signatureToString(sig);
  if (r.parameters.length !== d.parameters.length)
    return `${d.parameters.length} parameter(s) declared, the reference takes ${r.parameters.length}: ${show(d)} vs ${show(r)}`;
  const isAny = (t: ts.Type) => (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
  const params = (sig: ts.Signature) =>
    sig.parameters.map((p) => checker.getTypeOfSymbolAtLocation(p, p.valueDeclaration ?? sf));
  for (const [which, sig] of [
    ["reference", r],
    ["declaration", d],
  ] as const) {
    if (params(sig).some(isAny) || isAny(sig.getReturnType()))
      return `the ${which} is typed with any/unknown, so nothing is checked: ${show(sig)}`;
  }
  if (!checker.isTypeAssignableTo(refType, declType) || !checker.isTypeAssignableTo(declType, refType)) {
    return `not mutually assignable: declared ${show(d)}, reference ${show(r)}`;
  }
  return undefined;
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
export async function checkCatalogue(
  catalogue: Map<string, ExerciseEntry>,
  opts: { seeds?: number } = {},
): Promise<CheckReport[]> {
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
  const head = [
    "exercise",
    "section",
    "points",
    "visible",
    "hidden",
    "misconceptions caught",
    "solution",
    "starter",
    "ms",
    "status",
  ];
  const rows = reports.map((r) => [
    r.folder,
    r.section,
    String(r.points),
    String(r.visibleCases),
    String(r.hiddenCases),
    `${r.misconceptions.filter((m) => m.caughtSeeds === (r.seeds ?? MISCONCEPTION_SEEDS) && m.ownHintSeeds === (r.seeds ?? MISCONCEPTION_SEEDS) && m.ownHint).length}/${r.misconceptions.length}`,
    r.solution ? `${round(r.solution.score)}/${round(r.solution.maxScore)}` : "-",
    r.starter ? `${round(r.starter.score)}/${round(r.starter.maxScore)}` : "-",
    r.ms.toFixed(0),
    r.ok ? "ok" : "FAIL",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  for (const r of reports) if (!r.ok) out.push("", `${r.folder}:`, ...r.errors.map((e) => `  - ${e}`));
  const mis = reports.reduce((s, r) => s + r.misconceptions.length, 0);
  out.push(
    "",
    `${reports.length} exercises, ${reports.filter((r) => r.ok).length} ok; ${mis} misconceptions; ${reports.reduce((s, r) => s + r.hiddenCases, 0)} hidden cases.`,
  );
  return out.join("\n");
}

const round = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** The catalogue-wide requirements: ≥ 24 exercises, ≥ 2 per section 10.1–10.7, ≥ 40 misconceptions. */
export function catalogueErrors(reports: Pick<CheckReport, "section" | "misconceptions">[]): string[] {
  const errors: string[] = [];
  const { exercises, perSection, misconceptions } = CATALOGUE_MINIMUMS;
  if (reports.length < exercises) errors.push(`${reports.length} exercises; at least ${exercises} are required`);
  for (const sec of SECTION_IDS) {
    const n = reports.filter((r) => r.section === sec).length;
    if (n < perSection) errors.push(`section ${sec} has ${n} exercise(s); at least ${perSection} are required`);
  }
  const mis = reports.reduce((s, r) => s + r.misconceptions.length, 0);
  if (mis < misconceptions)
    errors.push(`${mis} misconceptions in the catalogue; at least ${misconceptions} are required`);
  return errors;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const only = args.filter((a) => !a.startsWith("--"));
  const catalogue = await loadCatalogue(process.env.GIBBS_EXERCISES_DIR);
  if (only.length)
    for (const k of [...catalogue.keys()])
      if (!only.includes(k) && !only.includes(catalogue.get(k)!.folder)) catalogue.delete(k);
  if (catalogue.size === 0) {
    console.error("exercises:check: no exercises found");
    process.exit(1);
  }
  const reports = await checkCatalogue(catalogue);
  console.log(json ? JSON.stringify(reports, null, 2) : formatReports(reports));
  // The catalogue-wide minimums apply to the real, unfiltered catalogue only.
  const whole = only.length === 0 && !process.env.GIBBS_EXERCISES_DIR ? catalogueErrors(reports) : [];
  for (const e of whole) console.error(`catalogue: ${e}`);
  if (args.includes("--store")) {
    // Saves each report on its exercise version for the staff validation view (DATABASE_URL or data/gibbs.db).
    const { createDb } = await import("../prisma/client");
    const { storeCheckReports } = await import("../app/_lib/staff/validation");
    const db = createDb();
    const r = await storeCheckReports(db, catalogue, reports);
    await db.$disconnect();
    console.error(
      `stored ${r.stored.length} report(s)${r.notSynced.length ? `; not synced yet (run npm run exercises:sync): ${r.notSynced.join(", ")}` : ""}`,
    );
  }
  if (!json) console.log(`checked in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(reports.every((r) => r.ok) && whole.length === 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
