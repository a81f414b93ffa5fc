/**
 * `npm run exercises:check`: proves every exercise in the catalogue against the rules of
 * exercises/README.md ("What exercises:check proves"): the solution gets full marks through
 * the real sandbox and the starter does not; cases are deterministic and numerous enough;
 * every misconception fails a hidden case on each of 1000 seeds and is matched to its own
 * hint by the grader's rule (grader/feedback.ts); prompts, hints, doc and tolerances are
 * complete; the derived declaration type-checks and solution.ts / starter.ts satisfy it;
 * no scaffold placeholder is left. Prints a table; exits non-zero on any failure.
 * `checkExercise(entry)` returns the same JSON report for one exercise (stored on the
 * exercise version for the staff check view by `--store`, see store.ts).
 */

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { compare } from "../grader/compare";
import { toJson } from "../grader/json";
import {
  enoughEvidence,
  matchHint,
  variantIn,
  wrongOutputs,
  type HintEvidence,
  type WrongOutput,
} from "../grader/feedback";
import { grade, gradingSeed } from "../grader/grade";
import * as lab from "../grader/lab/lab";
import { SECTION_IDS } from "../grader/sections";
import { DEFAULT_TOLERANCE, type Case, type NaiveVariant, type OutputSchema } from "../grader/spec";
import { Rng } from "../reference/random";
import {
  loadCatalogue,
  prepareDeclarations,
  editorDeclaration,
  scaffoldLeftovers,
  type ExerciseEntry,
} from "./catalogue";
import { COMPILER_OPTIONS, referenceSignature } from "./declaration";
import { toleranceUsed } from "./headroom";
import { float32Mutant, hasFloats, inputWriterCode, perturbedMutant, PERTURBATION } from "./mutants";
import { analyseMutants } from "./mutation";
import {
  mutantsWith,
  mutationScore,
  type CheckReport,
  type CheckSection,
  type GenericMutantsReport,
  type MisconceptionReport,
  type MutationReport,
  type NaiveVariantReport,
} from "./report";

export type { CheckReport, MisconceptionReport };

export const MISCONCEPTION_SEEDS = 1000;
/** Catalogue-wide minimums (the issue's requirements), checked when the whole catalogue is checked. */
export const CATALOGUE_MINIMUMS = { exercises: 24, perSection: 2, misconceptions: 40 } as const;
const CJK = /[\u4e00-\u9fff]/;
/** What the generated prompt footer says (exercises/prompt.ts); a prompt that says it too goes stale. */
const RESTATED_FOOTER = new RegExp(
  [
    `10\\^\\{${Math.log10(DEFAULT_TOLERANCE.atol)}\\}\\s*\\+\\s*10\\^\\{${Math.log10(DEFAULT_TOLERANCE.rtol)}\\}`,
    "10\\^\\{-9\\}\\s*\\+\\s*10\\^\\{-7\\}", // the default before issue 12
    "do not modify the inputs",
    "不要修改输入",
  ].join("|"),
  "i",
);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------- one exercise (all but TypeScript)

async function checkRuntime(entry: ExerciseEntry, seeds: number): Promise<CheckReport> {
  const t0 = performance.now();
  const { spec } = entry;
  const sections: CheckSection[] = [];
  const section = (name: string): string[] => {
    const errors: string[] = [];
    sections.push({ name, ok: true, errors });
    return errors;
  };
  const [fileErrors, caseErrors, gradingErrors, misconceptionErrors, genericErrors, naiveErrors, mutationErrors] = [
    "files",
    "cases",
    "grading",
    "misconceptions",
    "generic mutants",
    "naive variants",
    "mutation analysis",
  ].map(section);
  const seed = gradingSeed(spec);
  const file = (n: string) => path.join(entry.dir, n);
  const read = (n: string) => (fs.existsSync(file(n)) ? fs.readFileSync(file(n), "utf8") : undefined);

  // prompts
  const prompts = { en: false, zh: false };
  for (const lang of ["en", "zh"] as const) {
    const text = read(`prompt.${lang}.md`);
    if (text === undefined) fileErrors.push(`prompt.${lang}.md is missing`);
    else if (!text.includes(spec.entry))
      fileErrors.push(`prompt.${lang}.md does not mention the entry function "${spec.entry}"`);
    else if (lang === "zh" && !CJK.test(text)) fileErrors.push("prompt.zh.md is not written in Chinese");
    else prompts[lang] = true;
  }

  // what the generated parts (declaration, prompt footer) are made from
  const leftovers = scaffoldLeftovers(entry);
  if (leftovers.length)
    fileErrors.push(
      `the scaffold is not filled in yet: replace every TODO(exercises:new) (${leftovers.join(", ")}); see exercises/README.md`,
    );
  if (!spec.doc?.trim()) fileErrors.push("the spec has no `doc`: the editor's declaration would have no doc comment");
  for (const h of spec.helpers ?? [])
    if (!(h in lab)) fileErrors.push(`helper "${h}" is not exported by grader/lab/lab.ts`);
  for (const lang of ["en", "zh"] as const) {
    const text = read(`prompt.${lang}.md`) ?? "";
    if (RESTATED_FOOTER.test(text))
      fileErrors.push(
        `prompt.${lang}.md restates the default tolerance or "do not modify the inputs": the footer is generated from the spec, remove it`,
      );
  }

  // hints and tolerances
  for (const m of spec.misconceptions) {
    if (!m.hint?.en?.trim()) fileErrors.push(`misconception ${m.id} has no English hint`);
    if (!m.hint?.zh?.trim() || !CJK.test(m.hint.zh)) fileErrors.push(`misconception ${m.id} has no Chinese hint`);
  }
  if (loosened(spec.output) && !(spec.toleranceReason?.en?.trim() && CJK.test(spec.toleranceReason.zh ?? "")))
    fileErrors.push("the output tolerance is loosened but toleranceReason (en and zh) is missing");

  let visible: Case[] = [];
  let hidden: Case[] = [];
  let deterministic = false;
  let solution: CheckReport["solution"];
  let starter: CheckReport["starter"];
  let reports: MisconceptionReport[] = [];
  let mutation: MutationReport | undefined;
  const generic: GenericMutantsReport = {};
  const naive: NaiveVariantReport[] = (spec.naiveVariants ?? []).map((v) => ({
    id: v.id,
    what: v.what,
    caughtSeeds: 0,
  }));
  const report = (): CheckReport => ({
    folder: entry.folder,
    slug: spec.slug,
    section: spec.section,
    points: spec.points,
    ok: false,
    errors: [],
    sections,
    visibleCases: visible.length,
    hiddenCases: hidden.length,
    deterministic,
    seeds,
    prompts,
    solution,
    starter,
    misconceptions: reports,
    generic,
    naiveVariants: naive,
    mutation,
    declaration: { ok: false, errors: [] },
    ms: performance.now() - t0,
  });
  // A scaffold is not run: its placeholders would only crash, and the message above says what to do.
  if (leftovers.length) return report();

  // cases and determinism
  try {
    visible = spec.visibleCases(new Rng(seed));
    hidden = spec.hiddenCases(new Rng(seed));
    const casesAgree =
      toJson(visible) === toJson(spec.visibleCases(new Rng(seed))) &&
      toJson(hidden) === toJson(spec.hiddenCases(new Rng(seed))) &&
      toJson(spec.visibleCases(new Rng(7))) === toJson(spec.visibleCases(new Rng(7))) &&
      toJson(spec.hiddenCases(new Rng(7))) === toJson(spec.hiddenCases(new Rng(7)));
    if (!casesAgree) caseErrors.push("case generation is not deterministic (same seed gave different cases)");
    // The expected values are part of the content hash: the reference must be deterministic as well.
    const referenceAgrees = [...visible, ...hidden].every((c) => {
      return toJson(spec.reference(...structuredClone(c.args))) === toJson(spec.reference(...structuredClone(c.args)));
    });
    if (!referenceAgrees)
      caseErrors.push("the reference is not deterministic (same case gave different expected outputs)");
    deterministic = casesAgree && referenceAgrees;
    if (visible.length < 2) caseErrors.push(`only ${visible.length} visible case(s); at least 2 are required`);
    if (hidden.length < 10) caseErrors.push(`only ${hidden.length} hidden case(s); at least 10 are required`);
    for (const lang of ["en", "zh"] as const) {
      const names = [...visible, ...hidden].map((c) => c.name[lang]);
      const dup = names.find((n, i) => !n || names.indexOf(n) !== i);
      if (dup !== undefined)
        caseErrors.push(dup ? `case name (${lang}) "${dup}" is used twice` : `a case has no ${lang} name`);
    }
  } catch (err) {
    caseErrors.push(`case generation threw: ${(err as Error).message}`);
  }

  // solution and starter through the real sandbox
  for (const which of ["solution", "starter"] as const) {
    const code = read(`${which}.ts`);
    if (code === undefined) {
      gradingErrors.push(`${which}.ts is missing`);
      continue;
    }
    try {
      const r = await grade({ spec, code, mode: "submit" });
      const s = { score: r.score, maxScore: r.maxScore, status: r.status };
      if (which === "solution") {
        // Headroom: the largest share of its tolerance that a correct solution in another style uses.
        Object.assign(s, {
          toleranceUsed: r.cases.reduce(
            (m, c) => (c.status === "passed" ? Math.max(m, toleranceUsed(c.expected, c.actual, spec.output)) : m),
            0,
          ),
        });
        solution = s;
        if (r.score !== r.maxScore || r.maxScore !== spec.points) {
          const failed = r.cases.filter((c) => c.status !== "passed").slice(0, 3);
          gradingErrors.push(
            `solution.ts scores ${r.score}/${r.maxScore} (${r.status}: ${failed.map((c) => `${c.name.en}: ${c.message.en}`).join("; ") || r.message.en})`,
          );
        }
      } else {
        starter = s;
        if (r.score >= r.maxScore) gradingErrors.push("starter.ts already gets full marks");
      }
    } catch (err) {
      gradingErrors.push(`grading ${which}.ts crashed: ${(err as Error).stack ?? String(err)}`);
    }
  }

  // the generic input writer: solution.ts changing its inputs after computing the right answer
  const solutionCode = read("solution.ts");
  if (spec.inputsMayChange) {
    // The contract lets the function update its arguments: writing into them is not a mistake here.
  } else if (solutionCode !== undefined) {
    const code = inputWriterCode(solutionCode, spec.entry);
    if (code === undefined)
      genericErrors.push(
        `solution.ts does not declare "export function ${spec.entry}(": the input writer cannot be derived`,
      );
    else {
      try {
        const r = await grade({ spec, code, mode: "submit" });
        const hiddenRows = r.cases.filter((c) => c.visibility !== "visible");
        generic.inputWriter = {
          hiddenFailed: hiddenRows.filter((c) => c.status === "failed").length,
          hidden: hiddenRows.length,
        };
        if (generic.inputWriter.hiddenFailed === 0)
          genericErrors.push("the input-writing solution passes every hidden case: the grader does not see it");
      } catch (err) {
        genericErrors.push(`grading the input-writing solution crashed: ${(err as Error).stack ?? String(err)}`);
      }
    }
  }

  const hiddenExpected = expectedOf(spec, hidden);

  // misconceptions over many seeds (host side, same compare routine and matching rule as the grader)
  reports = spec.misconceptions.map((m) => ({
    id: m.id,
    caughtSeeds: 0,
    ownHintSeeds: 0,
    ownHint: false,
  }));
  try {
    for (let s = 0; s < seeds; s++) {
      const cases = spec.hiddenCases(new Rng(s));
      if (cases.length !== hidden.length) {
        misconceptionErrors.push(
          `seed ${s} gives ${cases.length} hidden cases, the grading seed ${hidden.length}: the count must not depend on the seed`,
        );
        break;
      }
      const expected = expectedOf(spec, cases);
      const asStudent = variantsAsStudents(spec, cases, expected);
      genericMutants(spec, cases, expected, s, generic);
      (spec.naiveVariants ?? []).forEach((v, k) => {
        if (cases.some((c, i) => !naivePasses(spec, v, c, expected(i)))) naive[k].caughtSeeds++;
        else naive[k].firstUncaughtSeed ??= s;
      });
      spec.misconceptions.forEach((m, k) => {
        const { caught, hintId } = asStudent(k);
        if (caught) reports[k].caughtSeeds++;
        else reports[k].firstUncaughtSeed ??= s;
        if (hintId === m.id) reports[k].ownHintSeeds!++;
        else reports[k].firstWrongHintSeed ??= s;
      });
    }
    // own hint on the grading seed
    const asStudent = variantsAsStudents(spec, hidden, hiddenExpected);
    spec.misconceptions.forEach((m, k) => {
      const { hintId } = asStudent(k);
      reports[k].matchedAs = hintId;
      reports[k].ownHint = hintId === m.id;
    });
  } catch (err) {
    misconceptionErrors.push(`misconception check threw: ${(err as Error).stack ?? String(err)}`);
  }
  for (const r of reports) {
    if (r.caughtSeeds < seeds)
      misconceptionErrors.push(
        `misconception ${r.id} passes every hidden case on seed ${r.firstUncaughtSeed} (caught on ${r.caughtSeeds}/${seeds} seeds)`,
      );
    else if (r.ownHintSeeds! < seeds)
      misconceptionErrors.push(
        `misconception ${r.id} is caught but never matched to its own hint on seed ${r.firstWrongHintSeed} (own hint on ${r.ownHintSeeds}/${seeds} seeds)`,
      );
    if (!r.ownHint)
      misconceptionErrors.push(
        `misconception ${r.id} is not recognised with its own hint on the grading seed${r.matchedAs ? ` (matched ${r.matchedAs} first)` : ""}`,
      );
  }
  for (const [name, g] of [
    ["float32", generic.float32],
    ["perturbed", generic.perturbed],
  ] as const)
    if (g && g.caughtSeeds + g.equivalentSeeds < seeds)
      genericErrors.push(
        `the ${name === "float32" ? "float32-rounded reference" : `reference with one element moved by a relative ${PERTURBATION}`} passes every hidden case on seed ${g.firstUncaughtSeed} (caught on ${g.caughtSeeds}/${seeds} seeds)`,
      );
  // Naive variants carry no hint: on the grading seed THE rule must not name a misconception for them.
  (spec.naiveVariants ?? []).forEach((v, k) => {
    try {
      const seen: HintEvidence[] = hidden.map((c, i) => {
        const expected = hiddenExpected(i);
        let out: { value: unknown } | undefined;
        try {
          out = { value: v.fn(...structuredClone(c.args)) };
        } catch {
          out = undefined;
        }
        const wrong = wrongOutputs(spec.misconceptions, c.args, spec.output, expected);
        const passed = out !== undefined && compare(expected, out.value, spec.output, { verdictOnly: true }).pass;
        return { variant: variantIn(wrong), passed, actual: out };
      });
      naive[k].hint = matchHint(spec.misconceptions, seen, spec.output)?.id;
    } catch (err) {
      naiveErrors.push(`naive variant ${v.id} check threw: ${(err as Error).stack ?? String(err)}`);
    }
    const r = naive[k];
    if (r.caughtSeeds < seeds)
      naiveErrors.push(
        `naive variant ${r.id} (${r.what}) passes every hidden case on seed ${r.firstUncaughtSeed} (caught on ${r.caughtSeeds}/${seeds} seeds): add a hidden case that breaks it`,
      );
    if (r.hint) naiveErrors.push(`naive variant ${r.id} is given the hint of ${r.hint} on the grading seed`);
  });
  // automatic mutation analysis of the reference (cached by content hash, exercises/mutation.ts)
  if (deterministic) {
    try {
      mutation = await analyseMutants(entry);
      mutationErrors.push(...mutationErrorsOf(mutation));
    } catch (err) {
      mutationErrors.push(`mutation analysis crashed: ${(err as Error).stack ?? String(err)}`);
    }
  }
  const ids = spec.misconceptions.map((m) => m.id);
  const dupId = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dupId) misconceptionErrors.push(`misconception id ${dupId} is registered twice`);

  return report();
}

/**
 * Each registered variant as a student on `cases`, judged as the grader judges a run: whether it fails
 * a case, and the hint THE rule (feedback.ts `matchHint`) gives it. Only the variants up to k can come
 * first in table order. Each variant runs once per case, and only when asked about.
 */
function variantsAsStudents(
  spec: CheckedSpec,
  cases: readonly Case[],
  expected: (i: number) => unknown,
): (k: number) => { caught: boolean; hintId?: string } {
  const outcomes: (WrongOutput | null)[][] = cases.map(() => []);
  const index = new Map(spec.misconceptions.map((m, k) => [m, k]));
  const outcome = (i: number, k: number): WrongOutput | null => {
    return (outcomes[i][k] ??=
      wrongOutputs([spec.misconceptions[k]], cases[i].args, spec.output, expected(i))[0] ?? null);
  };
  return (k) => {
    if (cases.every((_, i) => outcome(i, k) === null)) return { caught: false };
    // The student is variant k, so it agrees with itself on every case: its own hint needs the rule's
    // evidence, and no earlier variant may satisfy the rule first (both asked lazily, case by case).
    const seen: HintEvidence[] = cases.map((_, i) => ({
      variant: (m) => outcome(i, index.get(m)!) ?? undefined,
      get passed() {
        return outcome(i, k) === null;
      },
      get actual() {
        const w = outcome(i, k);
        return w && "output" in w ? { value: w.output } : undefined;
      },
    }));
    const earlier = matchHint(spec.misconceptions.slice(0, k), seen, spec.output);
    if (earlier) return { caught: true, hintId: earlier.id };
    const own = enoughEvidence(cases.map((_, i) => () => outcome(i, k) ?? undefined));
    return { caught: true, hintId: own ? spec.misconceptions[k].id : undefined };
  };
}

type CheckedSpec = ExerciseEntry["spec"];

/** Whether a naive variant passes one case (a variant that throws fails it). */
/** The reference's output on case i, computed once and only when asked for (shared by the seed's checks). */
function expectedOf(spec: CheckedSpec, cases: readonly Case[]): (i: number) => unknown {
  const memo: unknown[] = [];
  return (i) => {
    if (!(i in memo)) memo[i] = spec.reference(...structuredClone(cases[i].args));
    return memo[i];
  };
}

function naivePasses(spec: CheckedSpec, v: NaiveVariant, c: Case, expected: unknown): boolean {
  let out: unknown;
  try {
    out = v.fn(...structuredClone(c.args));
  } catch {
    return false;
  }
  return compare(expected, out, spec.output, { verdictOnly: true }).pass;
}

/**
 * Counts seed `s` for each float mutant that fails at least one of `cases` (with the grader's compare). A
 * mutant identical to the reference on every case (float32 represents every output exactly, e.g. integer
 * weights) is no wrong answer on that seed: it counts as equivalent there, not as uncaught.
 */
function genericMutants(
  spec: CheckedSpec,
  cases: readonly Case[],
  expectedOf: (i: number) => unknown,
  s: number,
  into: GenericMutantsReport,
): void {
  if (!hasFloats(spec.output)) return;
  const mutants = { float32: float32Mutant, perturbed: perturbedMutant };
  const seen = { float32: { caught: false, differs: false }, perturbed: { caught: false, differs: false } };
  for (let i = 0; i < cases.length; i++) {
    if (seen.float32.caught && seen.perturbed.caught) break;
    const expected = expectedOf(i);
    for (const k of ["float32", "perturbed"] as const) {
      const out = mutants[k](expected, spec.output);
      if (out === undefined || toJson(out) === toJson(expected)) continue;
      seen[k].differs = true;
      seen[k].caught ||= !compare(expected, out, spec.output, { verdictOnly: true }).pass;
    }
  }
  for (const k of ["float32", "perturbed"] as const) {
    const r = (into[k] ??= { caughtSeeds: 0, equivalentSeeds: 0 });
    if (seen[k].caught) r.caughtSeeds++;
    else if (!seen[k].differs) r.equivalentSeeds++;
    else r.firstUncaughtSeed ??= s;
  }
}

/**
 * What the check requires of the mutation analysis: it ran and no equivalence declaration is stale. Survivors
 * are listed under the table (formatReports) but do not fail the check until the catalogue reaches 100 %.
 */
function mutationErrorsOf(m: MutationReport): string[] {
  const errors: string[] = [];
  if (m.error) errors.push(`mutation analysis: ${m.error}`);
  for (const r of mutantsWith(m, "survived"))
    errors.push(
      `mutant ${r.at} ${r.mutator} → ${r.replacement} survives every case: add a hidden case that kills it, or declare it in equivalentMutants with a reason`,
    );
  for (const e of m.staleEquivalents)
    errors.push(`equivalentMutants declares ${e}, which is no surviving mutant (the reference changed?): remove it`);
  return errors;
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

// ---------------------------------------------------------------- TypeScript: the derived declaration, student files

const DECL = "__gibbs_check_decl__.ts";
const PROBE = "__gibbs_check_probe__.ts";

/**
 * Derives the declarations of several exercises and type-checks them in one TypeScript program:
 * exercise.ts itself, the declaration, the declaration against the reference (both ways), and
 * solution.ts / starter.ts against the declaration.
 */
export function checkDeclarations(entries: ExerciseEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>(entries.map((e) => [e.folder, []]));
  prepareDeclarations(entries);
  const virtual = new Map<string, string>();
  const owner = new Map<string, string>();
  const roots: string[] = [];
  const checked: ExerciseEntry[] = [];
  for (const e of entries) {
    let declaration: string;
    try {
      declaration = editorDeclaration(e);
    } catch (err) {
      out.get(e.folder)!.push((err as Error).message);
      continue;
    }
    checked.push(e);
    const { entry } = e.spec;
    const decl = path.join(e.dir, DECL);
    const probe = path.join(e.dir, PROBE);
    virtual.set(decl, declaration);
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
    ...COMPILER_OPTIONS,
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
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const fname = d.file ? path.resolve(d.file.fileName) : "";
    const folder = owner.get(fname);
    if (!folder) continue;
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const shown =
      path.basename(fname) === PROBE
        ? "declaration vs reference/solution/starter"
        : path.basename(fname) === DECL
          ? "derived declaration"
          : path.basename(fname);
    out
      .get(folder)!
      .push(
        `${shown}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
  }
  const checker = program.getTypeChecker();
  for (const e of checked) {
    const sf = program.getSourceFile(path.join(e.dir, "exercise.ts"));
    const problem = sf ? untypedReference(checker, sf) : "exercise.ts could not be loaded";
    if (problem) out.get(e.folder)!.push(`reference function: ${problem}`);
  }
  return out;
}

/** The declaration is the reference's own signature, so it checks nothing when that is typed with any/unknown. */
function untypedReference(checker: ts.TypeChecker, sf: ts.SourceFile): string | undefined {
  let sig: ts.Signature;
  try {
    sig = referenceSignature(checker, sf);
  } catch (err) {
    return (err as Error).message;
  }
  const isAny = (t: ts.Type) => (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
  const params = sig.parameters.map((p) => checker.getTypeOfSymbolAtLocation(p, p.valueDeclaration ?? sf));
  if (params.some(isAny) || isAny(sig.getReturnType()))
    return `it is typed with any/unknown, so the students' declaration would say nothing: ${checker.signatureToString(sig)}`;
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

/** Adds the TypeScript section and settles the verdict. */
function applyDeclaration(r: CheckReport, errors: string[]): void {
  r.declaration = { ok: errors.length === 0, errors };
  r.sections.push({ name: "declaration", ok: true, errors });
  for (const s of r.sections) s.ok = s.errors.length === 0;
  r.errors = r.sections.flatMap((s) => s.errors);
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
    "generic mutants",
    "naive caught",
    "mutants killed",
    "solution",
    "tol. used",
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
    genericCell(r),
    r.naiveVariants?.length
      ? `${r.naiveVariants.filter((v) => v.caughtSeeds === (r.seeds ?? MISCONCEPTION_SEEDS) && !v.hint).length}/${r.naiveVariants.length}`
      : "-",
    mutationCell(r.mutation),
    r.solution ? `${round(r.solution.score)}/${round(r.solution.maxScore)}` : "-",
    r.solution?.toleranceUsed !== undefined ? r.solution.toleranceUsed.toExponential(1) : "-",
    r.starter ? `${round(r.starter.score)}/${round(r.starter.maxScore)}` : "-",
    r.ms.toFixed(0),
    r.ok ? "ok" : "FAIL",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  for (const r of reports) if (!r.ok) out.push("", `${r.folder}:`, ...r.errors.map((e) => `  - ${e}`));
  const survivors = (r: CheckReport) => (r.mutation ? mutantsWith(r.mutation, "survived") : []);
  const equivalents = (r: CheckReport) => (r.mutation ? mutantsWith(r.mutation, "equivalent") : []);
  const withSurvivors = reports.filter((r) => survivors(r).length);
  if (withSurvivors.length)
    out.push("", "Surviving mutants (kill each with a hidden case, or declare it in equivalentMutants with a reason):");
  for (const r of withSurvivors)
    for (const s of survivors(r)) out.push(`  ${r.folder}: ${s.at} ${s.mutator} → ${s.replacement}`);
  const withEquivalents = reports.filter((r) => equivalents(r).length);
  if (withEquivalents.length) out.push("", "Equivalent mutants (spec.equivalentMutants):");
  for (const r of withEquivalents)
    for (const e of equivalents(r))
      out.push(`  ${r.folder}: ${e.at} ${e.mutator} → ${e.replacement}: ${e.reason?.en ?? ""}`);
  const analysed = reports.filter((r) => r.mutation);
  const run = analysed.filter((r) => !r.mutation!.cached);
  const mis = reports.reduce((s, r) => s + r.misconceptions.length, 0);
  out.push(
    "",
    `${reports.length} exercises, ${reports.filter((r) => r.ok).length} ok; ${mis} misconceptions; ${reports.reduce((s, r) => s + r.hiddenCases, 0)} hidden cases.`,
    `mutation analysis: ${analysed.reduce((s, r) => s + r.mutation!.killed, 0)}/${analysed.reduce((s, r) => s + r.mutation!.mutants - equivalents(r).length, 0)} non-equivalent mutants killed (+${analysed.reduce((s, r) => s + equivalents(r).length, 0)} equivalent); ${run.length} exercise(s) analysed in ${(run.reduce((s, r) => s + r.mutation!.runMs, 0) / 1000).toFixed(1)} s, ${analysed.length - run.length} from the cache (node_modules/.cache/gibbs-mutation).`,
  );
  return out.join("\n");
}

/** "caught/applicable" over the generic mutants (float32, perturbed, input writer). */
function genericCell(r: CheckReport): string {
  const seeds = r.seeds ?? MISCONCEPTION_SEEDS;
  const g = r.generic ?? {};
  const all = [
    g.float32 && g.float32.caughtSeeds + g.float32.equivalentSeeds === seeds,
    g.perturbed && g.perturbed.caughtSeeds + g.perturbed.equivalentSeeds === seeds,
    g.inputWriter && g.inputWriter.hiddenFailed > 0,
  ].filter((x) => x !== undefined);
  const equivalent = [g.float32, g.perturbed].filter((m) => m && m.equivalentSeeds === seeds).length;
  return `${all.filter(Boolean).length - equivalent}/${all.length - equivalent}${equivalent ? ` (+${equivalent} equivalent)` : ""}`;
}

/** "killed/non-equivalent score%" (+ equivalent), or "-" when the analysis did not run. */
function mutationCell(m: MutationReport | undefined): string {
  if (!m || m.error) return "-";
  const eq = mutantsWith(m, "equivalent").length;
  return `${m.killed}/${m.mutants - eq} ${Math.floor(mutationScore(m) * 100)}%${eq ? ` (+${eq} eq.)` : ""}`;
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
    // Saves each report on its exercise version for the staff check view (DATABASE_URL or data/gibbs.db).
    const { createDb } = await import("../prisma/client");
    const { storeCheckReports } = await import("./store");
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
