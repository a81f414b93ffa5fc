/**
 * THE comparison routine of Gibbs (DOMAIN.md "Comparing numbers"). The grader, the
 * misconception matcher and exercises:check all call `compare`.
 *
 * Order of checks: type, then shape, then NaN/±Infinity, then values. A float leaf
 * passes when |actual − expected| ≤ atol + rtol·|expected|; `exact` leaves must be
 * identical; `record` compares field by field. The shape always comes from the
 * expected value. A value failure names the largest absolute and relative error,
 * where they occur (e.g. `dW[2][1]`) and how many elements fail, and says when the
 * output "looks like" a simple relation of the expected (2×, −1×, ½×, the transpose).
 */

import { DEFAULT_TOLERANCE, type OutputSchema, type Tolerance } from "./spec";
import { bi, fmtNum, joinBi, type Bilingual } from "./messages";

export interface CompareResult {
  pass: boolean;
  /** Empty strings when the comparison passes. */
  message: Bilingual;
  /** What kind of difference was found first. */
  kind: "match" | "type" | "shape" | "nonfinite" | "values" | "fields";
  failCount?: number;
  total?: number;
  maxAbsError?: { value: number; at: string };
  maxRelError?: { value: number; at: string };
  /** Set when every element equals `scale` × the expected ("looks like"). */
  scale?: number;
  transposed?: boolean;
}

type Key = number | string;

export function toleranceOf(schema: OutputSchema): Tolerance {
  return schema.kind === "float" ? { ...DEFAULT_TOLERANCE, ...schema.tol } : DEFAULT_TOLERANCE;
}

export interface CompareOptions {
  /** Name of the output in messages (record fields use their field name). */
  root?: string;
  /**
   * Whether messages may quote values, shapes, indices and counts (default true: visible cases).
   * False for hidden cases: the message names only the category of the difference (wrong type,
   * wrong shape, missing fields, NaN/Infinity, values outside the tolerance), never anything the
   * student's code produced or derived from a hidden input.
   */
  reveal?: boolean;
  /**
   * Only the verdict is needed (misconception matching, exercises:check): `pass` and `kind` are exact,
   * but a failure carries no message and no "looks like" relations, which are the costly part.
   */
  verdictOnly?: boolean;
}

/** Compares a student's (or a misconception's) output with the expected value. */
export function compare(
  expected: unknown,
  actual: unknown,
  schema: OutputSchema,
  opts: CompareOptions = {},
): CompareResult {
  const root = opts.root ?? "out";
  const reveal = opts.reveal ?? true;
  const verdictOnly = (opts.verdictOnly ?? false) || !reveal;
  const r =
    schema.kind === "record"
      ? compareRecord(expected, actual, schema, verdictOnly)
      : compareLeaves(expected, actual, schema.kind === "exact", toleranceOf(schema), root, verdictOnly);
  if (r.pass || reveal || opts.verdictOnly) return r;
  // Hidden case: the category alone. A length, index, count or magnitude could carry a hidden input out.
  return { pass: false, kind: r.kind, message: categoryMessage(r.kind, schema) };
}

/** The message of a failed hidden case: the kind of difference, the same whatever the values. */
function categoryMessage(kind: CompareResult["kind"], schema: OutputSchema): Bilingual {
  switch (kind) {
    case "type":
      return bi(
        "Wrong type: the returned value is not of the type the exercise asks for.",
        "类型错误：返回值不是题目要求的类型。",
      );
    case "shape":
      return bi("Wrong shape: the returned value does not have the expected shape.", "形状错误：返回值的形状不正确。");
    case "fields":
      return bi(
        "Missing fields: the returned object lacks fields the exercise asks for.",
        "缺少字段：返回的对象缺少题目要求的字段。",
      );
    case "nonfinite":
      return bi(
        "NaN or infinite values where finite values were expected (look for 0/0, log(0) or an overflowing exp).",
        "在应为有限值的位置出现了 NaN 或无穷大（检查 0/0、log(0) 或溢出的 exp）。",
      );
    default: {
      if (schema.kind === "exact") return bi("Values differ (compared exactly).", "数值不同（精确比较）。");
      if (schema.kind === "record") return bi("Values differ from the expected ones.", "数值与期望值不同。");
      const tol = toleranceOf(schema);
      return bi(
        `Values outside the tolerance (atol ${tol.atol}, rtol ${tol.rtol}).`,
        `数值超出容差（atol ${tol.atol}，rtol ${tol.rtol}）。`,
      );
    }
  }
}

// ---------------------------------------------------------------- records

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const p: unknown = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

function compareRecord(
  expected: unknown,
  actual: unknown,
  schema: Extract<OutputSchema, { kind: "record" }>,
  verdictOnly: boolean,
): CompareResult {
  if (!isPlainObject(actual)) {
    const names = Object.keys(schema.fields).join(", ");
    return fail(
      "type",
      bi(
        `Expected an object with fields { ${names} }, got ${describeEn(actual)}.`,
        `应返回含字段 { ${names} } 的对象，实际得到 ${describeZh(actual)}。`,
      ),
    );
  }
  const exp = expected as Record<string, unknown>;
  const missing = Object.keys(schema.fields).filter((k) => !(k in actual) || actual[k] === undefined);
  if (missing.length) {
    return fail(
      "fields",
      bi(`Missing field${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`, `缺少字段：${missing.join("、")}。`),
    );
  }
  const failures: Bilingual[] = [];
  let first: CompareResult | undefined;
  for (const [k, sub] of Object.entries(schema.fields)) {
    const r = compare(exp[k], actual[k], sub, { root: k, verdictOnly });
    if (!r.pass && verdictOnly) return r;
    if (!r.pass) {
      failures.push(bi(`${k}: ${r.message.en}`, `${k}：${r.message.zh}`));
      first ??= r;
    }
  }
  const extra = Object.keys(actual).filter((k) => !(k in schema.fields));
  if (!failures.length) return { pass: true, kind: "match", message: bi("", "") };
  if (extra.length)
    failures.push(bi(`(Extra fields ignored: ${extra.join(", ")}.)`, `（多余的字段已忽略：${extra.join("、")}。）`));
  return { ...first!, pass: false, kind: first!.kind, message: joinBi(failures) };
}

// ---------------------------------------------------------------- arrays and scalars

class Walk {
  total = 0;
  failCount = 0;
  nonFinite = 0;
  firstNonFinite?: { at: string; actual: number; expected: number };
  maxAbs = { value: -1, at: "", expected: 0, actual: 0 };
  maxRel = { value: -1, at: "" };
  firstExactMiss?: { at: string; expected: unknown; actual: unknown };
  structural?: CompareResult;
  readonly path: Key[] = [];
  constructor(
    readonly exact: boolean,
    readonly tol: Tolerance,
    readonly root: string,
    readonly fullExpected: unknown,
    readonly fullActual: unknown,
  ) {}

  at(): string {
    return pathString(this.root, this.path);
  }

  visit(e: unknown, a: unknown): void {
    if (this.structural) return;
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) {
        this.structural = fail(
          "type",
          bi(
            `${this.where("en")}expected an array of shape ${shapeOf(e)}, got ${describeEn(a)}.`,
            `${this.where("zh")}应为形状 ${shapeOf(e)} 的数组，实际得到 ${describeZh(a)}。`,
          ),
        );
        return;
      }
      if (a.length !== e.length) {
        const es = shapeOf(this.fullExpected);
        const as = shapeOf(this.fullActual);
        const t = isTransposedShape(this.fullExpected, this.fullActual);
        this.structural = {
          ...fail(
            "shape",
            bi(
              `Wrong shape: expected ${es}, got ${as}${this.path.length ? ` (at ${this.at()}: length ${a.length} instead of ${e.length})` : ""}.${t ? " This looks like the transpose." : ""}`,
              `形状错误：应为 ${es}，实际为 ${as}${this.path.length ? `（${this.at()} 处长度为 ${a.length}，应为 ${e.length}）` : ""}。${t ? "这看起来像是转置了。" : ""}`,
            ),
          ),
          transposed: t || undefined,
        };
        return;
      }
      for (let i = 0; i < e.length; i++) {
        this.path.push(i);
        this.visit(e[i], a[i]);
        this.path.pop();
        if (this.structural) return;
      }
      return;
    }
    if (isPlainObject(e)) {
      if (!isPlainObject(a)) {
        this.structural = fail(
          "type",
          bi(
            `${this.where("en")}expected an object, got ${describeEn(a)}.`,
            `${this.where("zh")}应为对象，实际得到 ${describeZh(a)}。`,
          ),
        );
        return;
      }
      for (const k of Object.keys(e)) {
        this.path.push(k);
        this.visit(e[k], a[k]);
        this.path.pop();
        if (this.structural) return;
      }
      return;
    }
    this.total++;
    if (typeof e === "number" && !this.exact) {
      if (typeof a !== "number") {
        this.structural = fail(
          "type",
          bi(
            `${this.where("en")}expected a number, got ${describeEn(a)}.`,
            `${this.where("zh")}应为数字，实际得到 ${describeZh(a)}。`,
          ),
        );
        return;
      }
      this.number(e, a);
      return;
    }
    // exact leaf (binary states, integers, booleans, strings) or a non-number leaf
    if (typeof e !== typeof a && !(e === null && a === null)) {
      this.structural = fail(
        "type",
        bi(
          `${this.where("en")}expected ${describeEn(e)}, got ${describeEn(a)}.`,
          `${this.where("zh")}应为 ${describeZh(e)}，实际得到 ${describeZh(a)}。`,
        ),
      );
      return;
    }
    if (!Object.is(e, a) && !(e === 0 && a === 0)) {
      this.failCount++;
      if (typeof a === "number" && !Number.isFinite(a) && !(typeof e === "number" && !Number.isFinite(e)))
        this.noteNonFinite(a, e as number);
      this.firstExactMiss ??= { at: this.at(), expected: e, actual: a };
    }
  }

  private number(e: number, a: number): void {
    if (!Number.isFinite(a) || !Number.isFinite(e)) {
      if (Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e))) return;
      this.failCount++;
      if (!Number.isFinite(a)) this.noteNonFinite(a, e);
      else this.noteAbs(Infinity, e, a);
      return;
    }
    const d = Math.abs(a - e);
    // The largest errors are reported over the failing elements only: a passing element is no diagnosis.
    if (d <= this.tol.atol + this.tol.rtol * Math.abs(e)) return;
    this.failCount++;
    this.noteAbs(d, e, a);
    if (e !== 0) {
      const r = d / Math.abs(e);
      if (r > this.maxRel.value) this.maxRel = { value: r, at: this.at() };
    }
  }

  private noteAbs(d: number, e: number, a: number): void {
    if (d > this.maxAbs.value) this.maxAbs = { value: d, at: this.at(), expected: e, actual: a };
  }

  private noteNonFinite(a: number, e: number): void {
    this.nonFinite++;
    this.firstNonFinite ??= { at: this.at(), actual: a, expected: e };
  }

  private where(lang: "en" | "zh"): string {
    if (!this.path.length) return "";
    return lang === "en" ? `At ${this.at()}: ` : `${this.at()} 处：`;
  }
}

function compareLeaves(
  expected: unknown,
  actual: unknown,
  exact: boolean,
  tol: Tolerance,
  root: string,
  verdictOnly: boolean,
): CompareResult {
  const w = new Walk(exact, tol, root, expected, actual);
  w.visit(expected, actual);
  if (w.structural) return w.structural;
  if (w.failCount === 0) return { pass: true, kind: "match", message: bi("", ""), failCount: 0, total: w.total };
  const counts = { failCount: w.failCount, total: w.total };
  if (verdictOnly)
    return { pass: false, kind: w.firstNonFinite ? "nonfinite" : "values", message: bi("", ""), ...counts };
  if (w.firstNonFinite) {
    const f = w.firstNonFinite;
    return {
      ...fail(
        "nonfinite",
        bi(
          `${fmtNum(f.actual)} at ${f.at} where ${fmtNum(f.expected)} was expected; ${w.nonFinite} of ${w.total} element${w.total > 1 ? "s are" : " is"} NaN or infinite (look for 0/0, log(0) or an overflowing exp).`,
          `${f.at} 处为 ${fmtNum(f.actual)}，应为 ${fmtNum(f.expected)}；共 ${w.total} 个元素中有 ${w.nonFinite} 个是 NaN 或无穷大（检查 0/0、log(0) 或溢出的 exp）。`,
        ),
      ),
      ...counts,
    };
  }
  if (exact) {
    const m = w.firstExactMiss!;
    return {
      ...fail(
        "values",
        bi(
          `${w.failCount} of ${w.total} entries differ (compared exactly); first at ${m.at}: expected ${show(m.expected)}, got ${show(m.actual)}.`,
          `共 ${w.total} 个元素中有 ${w.failCount} 个不同（精确比较）；第一个在 ${m.at}：应为 ${show(m.expected)}，实际为 ${show(m.actual)}。`,
        ),
      ),
      ...counts,
    };
  }
  const abs = w.maxAbs;
  const rel = w.maxRel;
  const relEn = rel.value >= 0 ? `; largest relative error ${fmtNum(rel.value)} at ${rel.at}` : "";
  const relZh = rel.value >= 0 ? `；最大相对误差 ${fmtNum(rel.value)}，位于 ${rel.at}` : "";
  const parts = [
    bi(
      `${w.failCount} of ${w.total} element${w.total > 1 ? "s" : ""} outside the tolerance (atol ${tol.atol}, rtol ${tol.rtol}). Largest absolute error ${fmtNum(abs.value)} at ${abs.at} (expected ${fmtNum(abs.expected)}, got ${fmtNum(abs.actual)})${relEn}.`,
      `共 ${w.total} 个元素中有 ${w.failCount} 个超出容差（atol ${tol.atol}，rtol ${tol.rtol}）。最大绝对误差 ${fmtNum(abs.value)}，位于 ${abs.at}（应为 ${fmtNum(abs.expected)}，实际为 ${fmtNum(abs.actual)}）${relZh}。`,
    ),
  ];
  const scale = detectScale(expected, actual, tol);
  const transposed = scale === undefined && isTransposeOf(expected, actual, tol);
  if (scale !== undefined)
    parts.push(
      bi(
        `It looks like exactly ${fmtScale(scale)}× the expected value.`,
        `它看起来恰好是期望值的 ${fmtScale(scale)} 倍。`,
      ),
    );
  if (transposed) parts.push(bi("It looks like the transpose of the expected matrix.", "它看起来像是期望矩阵的转置。"));
  return {
    pass: false,
    kind: "values",
    message: joinBi(parts, " "),
    ...counts,
    maxAbsError: { value: abs.value, at: abs.at },
    maxRelError: rel.value >= 0 ? { value: rel.value, at: rel.at } : undefined,
    scale,
    transposed: transposed || undefined,
  };
}

// ---------------------------------------------------------------- "looks like" relations

const NICE_SCALES = [2, -1, 0.5, -2, -0.5, 4, 0.25];
/** With a single non-zero element any ratio is "a scale"; only the commonest mistakes are named then. */
const SCALAR_SCALES = [2, -1, 0.5];

function flatNumbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === "number") out.push(x);
  else if (Array.isArray(x)) for (const v of x) flatNumbers(v, out);
  return out;
}

/** k when actual = k·expected elementwise for one of a few simple k (and expected is not all zero). */
function detectScale(expected: unknown, actual: unknown, tol: Tolerance): number | undefined {
  const e = flatNumbers(expected);
  const a = flatNumbers(actual);
  const nonzero = e.filter((v) => v !== 0 && Number.isFinite(v)).length;
  if (e.length !== a.length || nonzero === 0) return undefined;
  for (const k of nonzero === 1 ? SCALAR_SCALES : NICE_SCALES) {
    let ok = true;
    for (let i = 0; i < e.length && ok; i++) {
      const target = k * e[i];
      ok = Math.abs(a[i] - target) <= tol.atol + tol.rtol * Math.abs(target);
    }
    if (ok) return k;
  }
  return undefined;
}

function isTransposeOf(expected: unknown, actual: unknown, tol: Tolerance): boolean {
  if (!isMatrix(expected) || !isMatrix(actual)) return false;
  const n = expected.length;
  if (n < 2 || expected[0].length !== n || actual.length !== n) return false;
  let differs = false;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const e = expected[j][i];
      if (Math.abs(actual[i][j] - e) > tol.atol + tol.rtol * Math.abs(e)) return false;
      if (i !== j && expected[i][j] !== expected[j][i]) differs = true;
    }
  }
  return differs;
}

function isTransposedShape(expected: unknown, actual: unknown): boolean {
  if (!isMatrix(expected) || !isMatrix(actual) || !expected.length || !actual.length) return false;
  return (
    expected.length === actual[0].length &&
    expected[0].length === actual.length &&
    expected.length !== expected[0].length
  );
}

function isMatrix(x: unknown): x is number[][] {
  return Array.isArray(x) && x.every((r) => Array.isArray(r) && r.every((v) => typeof v === "number"));
}

// ---------------------------------------------------------------- formatting

function fail(kind: CompareResult["kind"], message: Bilingual): CompareResult {
  return { pass: false, kind, message };
}

function fmtScale(k: number): string {
  if (k === 0.5) return "½";
  if (k === -0.5) return "−½";
  if (k === 0.25) return "¼";
  return k < 0 ? `−${-k}` : String(k);
}

export function pathString(root: string, path: Key[]): string {
  let s = root;
  for (const k of path) s += typeof k === "number" ? `[${k}]` : `.${k}`;
  return s;
}

/** Shape of a value for messages: "scalar", "3", "3×4", … */
export function shapeOf(x: unknown): string {
  const dims: number[] = [];
  let v = x;
  while (Array.isArray(v)) {
    dims.push(v.length);
    v = v[0];
  }
  return dims.length ? dims.join("×") : "scalar";
}

function show(x: unknown): string {
  if (typeof x === "number") return fmtNum(x);
  if (typeof x === "string") return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  return String(x);
}

/** A value the student returned, for a visible case's message. */
function describeEn(x: unknown): string {
  if (x === undefined) return "undefined (did the function return a value?)";
  if (x === null) return "null";
  if (Array.isArray(x)) return `an array of shape ${shapeOf(x)}`;
  if (typeof x === "number") return `the number ${fmtNum(x)}`;
  if (typeof x === "string") return `a string ${show(x)}`;
  if (typeof x === "boolean") return `the boolean ${x}`;
  if (typeof x === "object") return `an object with fields { ${Object.keys(x).slice(0, 8).join(", ")} }`;
  return typeof x;
}

function describeZh(x: unknown): string {
  if (x === undefined) return "undefined（函数是否返回了值？）";
  if (x === null) return "null";
  if (Array.isArray(x)) return `形状为 ${shapeOf(x)} 的数组`;
  if (typeof x === "number") return `数字 ${fmtNum(x)}`;
  if (typeof x === "string") return `字符串 ${show(x)}`;
  if (typeof x === "boolean") return `布尔值 ${x}`;
  if (typeof x === "object") return `含字段 { ${Object.keys(x).slice(0, 8).join(", ")} } 的对象`;
  return typeof x;
}
