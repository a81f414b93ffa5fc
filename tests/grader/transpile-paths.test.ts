/**
 * transpile's fast path (@swc/core in the worker's thread) against the reference transform (esbuild),
 * issue 14: the fast path may change how much CPU a submission costs, never its grade. Every
 * exercise's solution, starter and the StrykerJS mutants of its solution, and a list of programs
 * chosen for where the two compilers differ (strict-mode early errors, module syntax, TypeScript-only
 * syntax, imports), must grade the same either way, compile errors included.
 */

import fs from "node:fs";
import path from "node:path";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import { transformSync as swcTransform } from "@swc/core";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "@/exercises/catalogue";
import { quiet } from "@/exercises/mutation";
import { grade, type GradeInput } from "@/grader/grade";
import { graded } from "./graded";
import { SWC_TRANSFORM, TRANSFORM, transpile } from "@/grader/transpile";

const TIMED_OUT = /time limit|time budget/i;

/** The same code graded both ways; false when a time limit was involved (then timing noise may differ). */
async function bothWays(input: GradeInput, label: string): Promise<boolean> {
  const [fast, reference] = [await grade(input), await grade({ ...input, fastPath: false })];
  const timed = [fast, reference].some((r) => r.cases.some((c) => TIMED_OUT.test(c.message.en)));
  if (!timed) expect(graded(fast), label).toEqual(graded(reference));
  return !timed;
}

/** Each mutant StrykerJS's instrumenter makes of `code`, as a plain program (the replacement spliced in). */
async function mutantsOf(code: string): Promise<string[]> {
  const r = await new Instrumenter(quiet()).instrument([{ name: "solution.ts", content: code, mutate: true }], {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") lineStarts.push(i + 1);
  const at = (p: { line: number; column: number }) => lineStarts[p.line] + p.column;
  return r.mutants.map((m) => code.slice(0, at(m.location.start)) + m.replacement + code.slice(at(m.location.end)));
}

describe("the fast path grades exactly as esbuild's output", () => {
  it("takes the fast path for every solution, and its source map maps the very code that ran", async () => {
    for (const e of (await loadCatalogue()).values()) {
      const code = fs.readFileSync(path.join(e.dir, "solution.ts"), "utf8");
      const helpers = e.spec.helpers ?? [];
      const fast = await transpile(code, { helpers });
      if (!fast.ok) throw new Error(`${e.spec.slug} does not compile`);
      expect(fast.fast, `${e.spec.slug}: the fast path`).toBeDefined();
      const mapped = swcTransform(code, { ...SWC_TRANSFORM, sourceMaps: true });
      expect(fast.js).toBe(mapped.code);
      expect(JSON.parse(await fast.sourceMap())).toEqual(JSON.parse(mapped.map!));

      const reference = await transpile(code, { helpers, fastPath: false });
      if (!reference.ok) throw new Error(`${e.spec.slug} does not compile with esbuild`);
      expect(reference.fast).toBeUndefined();
      const esbuildMapped = await esbuild.transform(code, { ...TRANSFORM, sourcemap: "external" });
      expect(reference.js).toBe(esbuildMapped.code);
      expect(JSON.parse(await reference.sourceMap())).toEqual(JSON.parse(esbuildMapped.map));
    }
  });

  it("every exercise's solution, starter and the mutants of its solution", async () => {
    let compared = 0;
    let mutants = 0;
    for (const e of (await loadCatalogue()).values()) {
      const solution = fs.readFileSync(path.join(e.dir, "solution.ts"), "utf8");
      const starter = fs.readFileSync(path.join(e.dir, "starter.ts"), "utf8");
      for (const mode of ["run", "submit"] as const) {
        expect(await bothWays({ spec: e.spec, code: solution, mode }, `${e.spec.slug} solution ${mode}`)).toBe(true);
        expect(await bothWays({ spec: e.spec, code: starter, mode }, `${e.spec.slug} starter ${mode}`)).toBe(true);
      }
      // Mutants that loop run into a short limit; their results are compared when no limit was involved.
      const limits = { caseTimeMs: 250, totalTimeMs: 1000 };
      for (const [i, code] of (await mutantsOf(solution)).entries()) {
        mutants++;
        if (await bothWays({ spec: e.spec, code, mode: "submit", limits }, `${e.spec.slug} mutant ${i}:\n${code}`))
          compared++;
      }
    }
    expect(mutants).toBeGreaterThan(600);
    expect(compared / mutants, `${compared} of ${mutants} compared`).toBeGreaterThan(0.9);
  }, 600_000);
});

/**
 * Programs where the two compilers are known to differ, or could: each is graded in "try" mode with
 * entry `f` (an exercise with lab helpers, so that imports of "lab" are allowed) both ways.
 */
const EDGE_PROGRAMS: Record<string, string> = {
  // esbuild refuses these (the file is a module, so strict mode's early errors apply); swc lets them through
  "delete of a bare name": "let y = 1; export function f() { delete y; return 1; }",
  "duplicate parameters": "export function f(a, a) { return a; }",
  "duplicate parameters, nested": "export function f() { const g = function (a, a) { return a; }; return 1; }",
  "top-level await": "await 1; export function f() { return 1; }",
  "super outside a class": "export function f() { return super.x; }",
  "an export twice": "export function f() { return 1; } export { f };",
  "let declared twice": "export function f() { let a = 1; let a = 2; return a; }",
  "let declared twice, nested": "export function f() { return [1].map(() => { let a = 1; let a = 2; return a; }); }",
  "a function declared twice in a block": "export function f() { { function g() {} function g() {} } return 1; }",
  "var and let": "export function f() { var a; let a; return 1; }",
  // both refuse
  with: "export function f(o: any) { with (o) { return a; } }",
  "legacy octal": "export function f() { return 010; }",
  "legacy octal escape": "export function f() { return '\\01'; }",
  "assignment to eval": "export function f() { eval = 1; return 1; }",
  "yield as a name": "export function f() { let yield = 1; return yield; }",
  "a reserved word as a name": "export function f() { var package = 1; return package; }",
  "an HTML comment": "<!-- hi\nexport function f() { return 1; }",
  "top-level return": "return 1;\nexport function f() { return 1; }",
  "continue outside a loop": "export function f() { continue; }",
  "an unterminated string": "export function f() { return 'abc; }",
  "JSX in a .ts file": "export function f() { return <div/>; }",
  "a getter with a parameter": "export function f() { return { get x(a) { return 1; } }; }",
  // swc refuses, esbuild accepts: esbuild's output runs
  decorators: "function d(t: any) {} @d class A {} export function f() { return 1; }",
  // both accept: the two outputs must behave the same
  "assignment to a const": "export function f() { const x = 1; x = 2; return x; }",
  "an undeclared name (sloppy mode: a global)": "export function f() { q = 5; return q; }",
  "this at the top level": "const t = this; export function f() { return t === undefined; }",
  "class fields over an inherited setter": `class B { set x(v: number) { throw new Error("setter ran"); } }
class A extends B { x = 1; } export function f() { return new A().x; }`,
  "parameter properties and fields": `class A { y = this.x * 2; constructor(public x: number) {} }
export function f() { const a = new A(3); return [a.x, a.y]; }`,
  "an enum": "enum E { A, B = 5, C } export function f() { return [E.A, E.C, E[5]]; }",
  "a const enum": "const enum E { A = 2, B } export function f() { return E.B; }",
  "a namespace":
    "namespace N { export const a = 1; export function g() { return a + 1; } } export function f() { return N.g(); }",
  "export =": "function f() { return 1; } export = f;",
  "import = require": "import fs = require('fs'); export function f() { return fs; }",
  "a default export": "export default function () { return 1; }",
  "an exported let, changed": "export let n = 0; export function f() { n++; return n; }",
  "private fields and #x in o":
    "class A { #p = 1; static has(o: any) { return #p in o; } } export function f() { return A.has(new A()); }",
  "a static block": "class A { static x: number; static { A.x = 4; } } export function f() { return A.x; }",
  "accessor fields": "class A { accessor x = 1; } export function f() { return new A().x; }",
  using: "export function f() { let n = 0; { using r = { [Symbol.dispose]() { n++; } }; } return n; }",
  "the regexp v flag": "export function f() { return /[\\p{L}--a]/v.test('b'); }",
  "a bigint": "export function f() { return Number(10n ** 3n); }",
  "an async generator": "export async function* f() { yield 1; }",
  "a function's name": "export const f = () => [f.name, (function g() {}).name, (() => {}).name];",
  "arguments at the top of a function": "export function f(...r: number[]) { return [arguments.length, r.length]; }",
  "a tagged template":
    "const tag = (s: TemplateStringsArray, ...v: number[]) => s.raw.join('|') + v.join(','); export function f() { return tag`a${1}\\n${2}`; }",
  "a labelled break":
    "export function f() { let n = 0; outer: for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) { if (j === 1) continue outer; n++; } return n; }",
  "satisfies and as": "export function f() { return ({ a: 1 } satisfies { a: number }).a as number; }",
  "angle-bracket casts": "export function f() { const x: any = 2; return (<number>x) + 1; }",
  overloads: "export function f(): number; export function f(x?: number) { return x ?? 7; }",
  "non-null assertions": "export function f() { const a: number[] | undefined = [1]; return a!.length; }",
  "import = require, unused": "import fs = require('fs'); export function f() { return 2; }",
  "an unused import of fs": "import fs from 'fs'; export function f() { return 1; }",
  "an unused import of a helper that is not listed":
    "import { notAHelper } from 'lab'; export function f() { return 1; }",
  "require in a comment": "// require('fs') is not allowed here\nexport function f() { return 1; }",
  "3,000 nested parentheses (swc's parser overflows an 8 MB stack)": `export function f() { return ${"(".repeat(3000)}1${")".repeat(3000)}; }`,
  "20,000 nested arrays": `export function f() { return ${"[".repeat(20_000)}${"]".repeat(20_000)}.length; }`,
  "a type-only import": "import type { Mat } from 'lab'; export function f() { return 1; }",
  "an unused import": "import { matmul } from 'lab'; export function f() { return 1; }",
  "a listed helper": "import { matmul as mm } from 'lab'; export function f() { return mm([[1, 2]], [[3], [4]]); }",
  "a helper that is not listed": "import { notAHelper } from 'lab'; export function f() { return notAHelper; }",
  "a namespace import": "import * as L from 'lab'; export function f() { return L.matmul([[2]], [[3]]); }",
  "a default import": "import lab from 'lab'; export function f() { return typeof lab; }",
  "export * from lab": "export * from 'lab'; export function f() { return 1; }",
  "a dynamic import": "export async function f() { return import('fs'); }",
  "require('fs')": "export function f() { return require('fs'); }",
  "require with a template": "export function f() { return require(`fs`); }",
  "a computed require": "export function f() { const m = 'lab'; return typeof require(m); }",
  "import.meta": "export function f() { return typeof import.meta; }",
  "a side-effect import": "import './other'; export function f() { return 1; }",
  "no f exported": "export function g() { return 1; }",
  "a throw at load": "throw new RangeError('at load'); export function f() { return 1; }",
  "a run-time error's line": "export function f() {\n  const a: any = null;\n  return a.b;\n}",
};

describe("programs where the two compilers could differ grade the same", () => {
  it.each(Object.entries(EDGE_PROGRAMS))("%s", async (name, code) => {
    const e = (await loadCatalogue()).get("rbm-cd1");
    if (!e) throw new Error("rbm-cd1 is missing");
    const spec = { ...e.spec, entry: "f" };
    expect(await bothWays({ spec, code, mode: "try", args: [] }, name)).toBe(true);
  });
});
