/**
 * The student's own functions inside the lab's Web Worker: loaded from the CommonJS that
 * the server transpiled with the grader's esbuild rules, and called through `call`, which
 * turns a throw, a missing value, a wrong shape or a NaN into one `LabError` that names
 * the function and the input, in both languages.
 */

import * as lab from "../reference/numerics";
import { bi, clip, type Bilingual } from "../grader/messages";
import { shapeOf } from "../grader/compare";
import type { LabCode } from "./protocol";

/** The one error type of a lab run that the student sees: which function, on which input, what went wrong. */
export class LabError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
    this.name = "LabError";
  }
}

export type StudentFn = (...args: unknown[]) => unknown;

/**
 * The `require("lab")` of the exercises, without the vetted CD-1 trainer that grader/lab/lab.ts
 * also exports: that one is a reference solution and must not reach a student's browser.
 */
const LAB_MODULE = Object.freeze({ ...lab });

/** Evaluates each sent file and returns its entry function, or throws a LabError naming the exercise. */
export function loadFunctions(code: LabCode, entries: readonly string[]): Record<string, StudentFn> {
  const out: Record<string, StudentFn> = {};
  for (const entry of entries) {
    const js = code[entry];
    if (js === undefined) {
      throw new LabError(
        bi(
          `There is no code for ${entry}: open its exercise and write it first.`,
          `还没有 ${entry} 的代码：请先在对应的练习中完成它。`,
        ),
      );
    }
    const module: { exports: Record<string, unknown> } = { exports: {} };
    const require = (name: string) => {
      if (name === "lab") return LAB_MODULE;
      // Static imports were refused when the server transpiled the file; this is a computed require(x).
      throw new LabError(
        bi(`Cannot import "${name}" in a lab: only "lab" is available.`, `实验中无法导入 "${name}"：只能导入 "lab"。`),
      );
    };
    try {
      // The student's own module, transpiled by the server, runs in this Web Worker as it would in the isolate.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const load = new Function("module", "exports", "require", js) as (
        m: typeof module,
        e: unknown,
        r: typeof require,
      ) => void;
      load(module, module.exports, require);
    } catch (e) {
      if (e instanceof LabError) throw e;
      throw new LabError(
        bi(`Your file with ${entry} failed to load: ${errorText(e)}`, `包含 ${entry} 的文件加载失败：${errorText(e)}`),
      );
    }
    const fn = module.exports[entry];
    if (typeof fn !== "function") {
      throw new LabError(
        bi(
          `Your file does not export a function named ${entry} (write \`export function ${entry}(…)\`).`,
          `你的文件没有导出名为 ${entry} 的函数（请写 \`export function ${entry}(…)\`）。`,
        ),
      );
    }
    out[entry] = fn as StudentFn;
  }
  return out;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return clip(`${e.name}: ${e.message}`);
  return clip(String(e));
}

// ---------------------------------------------------------------- shapes

/** What a lab expects back: a number, a vector, a matrix, or a record of those. */
export type Expect =
  | { kind: "number" }
  | { kind: "vector"; n: number; binary?: boolean }
  | { kind: "matrix"; rows: number; cols: number; binary?: boolean }
  | { kind: "record"; fields: Record<string, Expect> };

export const number = (): Expect => ({ kind: "number" });
export const vector = (n: number, binary = false): Expect => ({ kind: "vector", n, binary });
export const matrix = (rows: number, cols: number, binary = false): Expect => ({ kind: "matrix", rows, cols, binary });
export const record = (fields: Record<string, Expect>): Expect => ({ kind: "record", fields });

/** The first problem with `value` against `expect`, or null. `at` names the place, e.g. "W[3][5]". */
export function problemWith(value: unknown, expect: Expect, at: string): Bilingual | null {
  const got = describe(value);
  switch (expect.kind) {
    case "number":
      if (typeof value !== "number")
        return bi(`${at} should be a number, got ${got.en}`, `${at} 应为数字，实际为${got.zh}`);
      if (!Number.isFinite(value)) return bi(`${at} is ${value}`, `${at} 为 ${value}`);
      return null;
    case "vector":
      if (!isArrayLike(value) || value.length !== expect.n)
        return bi(
          `${at} should have length ${expect.n}, got ${got.en}`,
          `${at} 的长度应为 ${expect.n}，实际为${got.zh}`,
        );
      return leaves(value, at, expect.binary ?? false);
    case "matrix": {
      if (
        !Array.isArray(value) ||
        value.length !== expect.rows ||
        !value.every((r) => isArrayLike(r) && r.length === expect.cols)
      )
        return bi(
          `${at} should be ${expect.rows} × ${expect.cols}, got ${got.en}`,
          `${at} 的形状应为 ${expect.rows} × ${expect.cols}，实际为${got.zh}`,
        );
      for (let i = 0; i < value.length; i++) {
        const p = leaves(value[i] as ArrayLike<unknown>, `${at}[${i}]`, expect.binary ?? false);
        if (p) return p;
      }
      return null;
    }
    case "record": {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        return bi(`${at} should be an object, got ${got.en}`, `${at} 应为对象，实际为${got.zh}`);
      for (const [k, e] of Object.entries(expect.fields)) {
        const p = problemWith((value as Record<string, unknown>)[k], e, `${at}.${k}`);
        if (p) return p;
      }
      return null;
    }
  }
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || ArrayBuffer.isView(x);
}

function leaves(v: ArrayLike<unknown>, at: string, binary: boolean): Bilingual | null {
  for (let j = 0; j < v.length; j++) {
    const x = v[j];
    if (typeof x !== "number")
      return bi(
        `${at}[${j}] should be a number, got ${describe(x).en}`,
        `${at}[${j}] 应为数字，实际为${describe(x).zh}`,
      );
    if (!Number.isFinite(x)) return bi(`${at}[${j}] is ${x}`, `${at}[${j}] 为 ${x}`);
    if (binary && x !== 0 && x !== 1) return bi(`${at}[${j}] is ${x}, not 0 or 1`, `${at}[${j}] 为 ${x}，不是 0 或 1`);
  }
  return null;
}

function describe(x: unknown): Bilingual {
  if (x === undefined) return bi("undefined (did the function return a value?)", " undefined（函数是否返回了值？）");
  if (x === null) return bi("null", " null");
  if (isArrayLike(x)) {
    const s = Array.isArray(x) ? shapeOf(x) : String(x.length);
    return bi(`an array of shape ${s}`, `形状为 ${s} 的数组`);
  }
  if (typeof x === "object") return bi("an object", "一个对象");
  if (typeof x === "function") return bi("a function", "一个函数");
  const text =
    typeof x === "string" || typeof x === "number" || typeof x === "boolean" || typeof x === "bigint"
      ? String(x)
      : typeof x;
  return bi(`${typeof x} ${clip(text, 40)}`, ` ${typeof x} ${clip(text, 40)}`);
}

// ---------------------------------------------------------------- calls

/** Tells the page which student function runs now (so a time-out can name it). */
export type CallListener = (fn: string) => void;

export class StudentCode {
  private current = "";
  constructor(
    private readonly fns: Record<string, StudentFn>,
    private readonly onCall: CallListener,
  ) {}

  /**
   * Calls the student's `entry` on `args`; `input` says in words which input this is
   * ("pattern 3 with 10 % noise"). The result is checked against `expect`.
   */
  call<T>(entry: string, args: unknown[], input: Bilingual, expect: Expect): T {
    if (entry !== this.current) {
      this.current = entry;
      this.onCall(entry);
    }
    let out: unknown;
    try {
      out = this.fns[entry](...args);
    } catch (e) {
      throw new LabError(
        bi(
          `${entry} threw on ${input.en}: ${errorText(e)}`,
          `${entry} 在处理「${input.zh}」时抛出异常：${errorText(e)}`,
        ),
      );
    }
    const problem = problemWith(out, expect, "out");
    if (problem)
      throw new LabError(
        bi(`${entry} on ${input.en}: ${problem.en}`, `${entry} 在处理「${input.zh}」时：${problem.zh}`),
      );
    return out as T;
  }
}
