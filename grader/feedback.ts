/**
 * Student feedback: bilingual messages for each way a case can fail, and
 * misconception matching. When a submission fails, the exercise's registered wrong
 * variants run in the host on the same inputs; when the student's outputs agree with
 * one on every case (THE hint rule, `matchHint`), its hint is attached to the result
 * once, as "This looks like …", never "you did …".
 */

import { compare } from "./compare";
import { bi, clip, joinBi, type Bilingual } from "./messages";
import type { ConsoleText, LoadOutcome, RunOutcome } from "./sandbox/sandbox";
import type { ExerciseSpec, Misconception, OutputSchema } from "./spec";

export interface HintMatch {
  id: string;
  message: Bilingual;
}

/**
 * A registered variant on one case, kept only when it differs from the expected value: its output,
 * or the fact that it threw (a variant that crashes says nothing about the student's output).
 */
export type WrongOutput =
  { misconception: Misconception; output: unknown; evidence: number } | { misconception: Misconception; threw: true };

/**
 * Runs each variant on `args` (a fresh copy each). Variants that agree with the reference on this
 * case (they say nothing about the mistake) are dropped. Depends only on the case, so the grader
 * computes it once per case and reuses it for every submission; exercises:check uses it too.
 */
export function wrongOutputs(
  misconceptions: readonly Misconception[],
  args: readonly unknown[],
  schema: OutputSchema,
  expected: unknown,
): WrongOutput[] {
  const out: WrongOutput[] = [];
  for (const m of misconceptions) {
    let output: unknown;
    try {
      output = m.fn(...structuredClone(args as unknown[]));
    } catch {
      out.push({ misconception: m, threw: true });
      continue;
    }
    const evidence = differingLeaves(expected, output, schema);
    if (evidence > 0) out.push({ misconception: m, output, evidence });
  }
  return out;
}

/**
 * How many exact leaves (binary states, counts, strings) must differ from the reference, over all the
 * cases a variant is matched on, before its hint may be given: a student whose wrong states happen to
 * fall on the same one or two places as a variant's is far likelier than one who made that mistake.
 * A float leaf that differs beyond the tolerance counts as enough on its own (matching a wrong real
 * number within rtol is not chance).
 */
export const MIN_EXACT_EVIDENCE = 4;

/**
 * How strongly `output` differs from `expected`: the number of differing exact leaves, or Infinity
 * when a float leaf differs beyond the tolerance; a different type or shape counts as one leaf.
 */
export function differingLeaves(expected: unknown, output: unknown, schema: OutputSchema): number {
  if (schema.kind === "float")
    return compare(expected, output, schema, { verdictOnly: true }).pass ? 0 : Number.POSITIVE_INFINITY;
  if (schema.kind === "record") {
    if (!isObject(expected) || !isObject(output)) return 1;
    const keys = new Set([...Object.keys(expected), ...Object.keys(output)]);
    let n = 0;
    for (const k of keys) {
      const field = schema.fields[k];
      if (!field || !(k in expected) || !(k in output)) n += 1;
      else n += differingLeaves(expected[k], output[k], field);
    }
    return n;
  }
  if (Array.isArray(expected) || Array.isArray(output)) {
    if (!Array.isArray(expected) || !Array.isArray(output) || expected.length !== output.length) return 1;
    return expected.reduce((n: number, e, i) => n + differingLeaves(e, output[i], schema), 0);
  }
  if (isObject(expected) || isObject(output))
    return compare(expected, output, schema, { verdictOnly: true }).pass ? 0 : 1;
  return Object.is(expected, output) || expected === output ? 0 : 1;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/** One graded case as the hint rule sees it. */
export interface HintEvidence {
  /** Variant `m`'s outcome here (`wrongOutputs`): undefined when it agrees with the reference. Asked lazily. */
  variant: (m: Misconception) => WrongOutput | undefined;
  /** Whether the student's call passed this case. */
  passed: boolean;
  /** The student's output, when the call returned plain data and left its inputs alone. */
  actual?: { value: unknown };
}

/**
 * THE hint rule. A variant's hint is given only when the student's outputs agree with that variant on
 * EVERY case of the run: where the variant differs from the reference, the student's output matches it
 * (with the grader's compare); where it agrees with the reference, the student passes. Cases on which
 * the variant threw say nothing and are skipped. The variant must differ somewhere, and by at least
 * MIN_EXACT_EVIDENCE exact leaves in all when no float leaf differs. The first variant in table order
 * that satisfies this wins.
 */
export function matchHint(
  misconceptions: readonly Misconception[],
  cases: readonly HintEvidence[],
  schema: OutputSchema,
): HintMatch | undefined {
  for (const m of misconceptions) {
    const agrees = cases.every((c) => {
      const w = c.variant(m);
      if (!w) return c.passed;
      if ("threw" in w) return true;
      return c.actual !== undefined && compare(w.output, c.actual.value, schema, { verdictOnly: true }).pass;
    });
    if (agrees && enoughEvidence(cases.map((c) => () => c.variant(m)))) return { id: m.id, message: hintMessage(m) };
  }
  return undefined;
}

/** The rule's evidence test for one variant over a run's cases (asked lazily, stops once it is met). */
export function enoughEvidence(outcomes: Iterable<() => WrongOutput | undefined>): boolean {
  let evidence = 0;
  for (const outcome of outcomes) {
    const w = outcome();
    if (w && "output" in w) evidence += w.evidence;
    if (evidence >= MIN_EXACT_EVIDENCE) return true;
  }
  return false;
}

/** Variant lookup in a case's `wrongOutputs`. */
export function variantIn(wrong: readonly WrongOutput[]): HintEvidence["variant"] {
  return (m) => wrong.find((w) => w.misconception === m);
}

/** The hint rule on a single failing case (`expected` omitted: every variant counts as differing). */
export function matchMisconception(
  misconceptions: readonly Misconception[],
  args: readonly unknown[],
  actual: unknown,
  schema: OutputSchema,
  expected?: unknown,
): HintMatch | undefined {
  const wrong = wrongOutputs(misconceptions, args, schema, expected);
  return matchHint(misconceptions, [{ variant: variantIn(wrong), passed: false, actual: { value: actual } }], schema);
}

/** "This looks like a known mistake: …" reads right whether a hint is a noun phrase or a sentence; never "you did". */
export function hintMessage(m: Pick<Misconception, "hint">): Bilingual {
  return bi(`This looks like a known mistake: ${upperFirst(m.hint.en)}`, `这看起来像一个常见错误：${m.hint.zh}`);
}

function upperFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

// ---------------------------------------------------------------- case and load messages

export const PASSED = bi("Passed.", "通过。");
/** A scratchpad run that returned a value: there is nothing to compare it with. */
export const RAN = bi("Your function returned a value.", "你的函数返回了一个值。");

/**
 * The message of a case whose call did not return a plain value. `reveal` false (hidden cases): the
 * category only. Nothing the student's code chose or could derive from a hidden input is quoted (an
 * error's type, line or text; where in the output a bad value sits; a time limit shortened by how long
 * earlier cases took), so that no message can carry a hidden input out.
 */
export function runFailureMessage(
  r: Exclude<RunOutcome, { kind: "ok" }>,
  limits: { caseTimeMs: number; memoryMb: number },
  reveal = true,
): Bilingual {
  switch (r.kind) {
    case "threw": {
      const line = r.error.line ? ` (line ${r.error.line})` : "";
      const lineZh = r.error.line ? `（第 ${r.error.line} 行）` : "";
      // Hidden case: neither the error's type nor its line, which the code can choose from a hidden input.
      if (!reveal)
        return bi(
          "Your function threw an error. Its type, line and text are not shown for hidden cases.",
          "函数抛出了错误。隐藏用例不显示错误的类型、行号和文字内容。",
        );
      return bi(
        `Your function threw an error${line}: ${clip(r.error.text)}`,
        `函数抛出了错误${lineZh}：${clip(r.error.text)}`,
      );
    }
    case "bad_output":
      if (!reveal)
        return bi(
          "The returned value is not plain data (numbers, arrays and plain objects) within the output limits.",
          "返回值不是输出限制之内的普通数据（数字、数组和普通对象）。",
        );
      return bi(
        `The returned value contains ${r.en}${r.path ? ` at out${r.path}` : ""}.`,
        `返回值${r.path ? `在 out${r.path} 处` : ""}包含${r.zh}。`,
      );
    case "timeout":
      if (!reveal)
        return bi(
          "Time limit exceeded: look for an infinite loop or too much work.",
          "超出时间限制：请检查是否有死循环或计算量过大。",
        );
      return bi(
        `Time limit exceeded (${limits.caseTimeMs} ms for this case): look for an infinite loop or too much work.`,
        `超出时间限制（本用例 ${limits.caseTimeMs} 毫秒）：请检查是否有死循环或计算量过大。`,
      );
    case "memory":
      return bi(
        `Memory limit exceeded (${limits.memoryMb} MB): the sandbox was stopped, so the remaining cases were not run.`,
        `超出内存限制（${limits.memoryMb} MB）：沙箱已被终止，其余用例未运行。`,
      );
    case "stopped":
      return STOPPED_BY_WATCHDOG;
  }
}

/** The host watchdog had to stop the isolate: code kept running past the time limit outside the function call. */
const STOPPED_BY_WATCHDOG = bi(
  "Time limit exceeded: code kept running after the time limit (e.g. an endless loop in a promise callback, a getter of a thrown or rejected value, or a FinalizationRegistry callback), so the sandbox was stopped and the remaining cases were not run.",
  "超出时间限制：代码在时间限制之后仍在运行（例如 Promise 回调、被抛出或被拒绝的值的 getter、FinalizationRegistry 回调中的死循环），因此沙箱已被终止，其余用例未运行。",
);

export function loadFailureMessage(
  r: Exclude<LoadOutcome, { kind: "ok" }>,
  entry: string,
  limits: { caseTimeMs: number; memoryMb: number },
): Bilingual {
  switch (r.kind) {
    case "no_entry": {
      const list = r.exported.length ? r.exported.join(", ") : "nothing";
      const listZh = r.exported.length ? r.exported.join("、") : "没有导出任何内容";
      return bi(
        `The file must export a function named "${entry}" (export function ${entry}(…) { … }). It exports: ${list}.`,
        `文件必须导出名为 "${entry}" 的函数（export function ${entry}(…) { … }）。当前导出：${listZh}。`,
      );
    }
    case "threw": {
      const line = r.error.line ? ` (line ${r.error.line})` : "";
      const lineZh = r.error.line ? `（第 ${r.error.line} 行）` : "";
      return bi(
        `Your file threw an error while loading, before any case ran${line}: ${clip(r.error.text)}`,
        `文件在加载时（运行任何用例之前）抛出了错误${lineZh}：${clip(r.error.text)}`,
      );
    }
    case "syntax":
      return bi(`The code could not be compiled: ${clip(r.text)}`, `代码无法编译：${clip(r.text)}`);
    case "timeout":
      return bi(
        `Time limit exceeded while loading the file (${limits.caseTimeMs} ms): is there a loop at the top level?`,
        `加载文件时超出时间限制（${limits.caseTimeMs} 毫秒）：顶层代码中是否有循环？`,
      );
    case "memory":
      return bi(
        `Memory limit exceeded (${limits.memoryMb} MB) while loading the file.`,
        `加载文件时超出内存限制（${limits.memoryMb} MB）。`,
      );
    case "stopped":
      return STOPPED_BY_WATCHDOG;
  }
}

/**
 * A call that changed one of its read-only inputs. Visible cases name the argument and the first changed
 * place; hidden cases only the category (which argument and where could be chosen from a hidden input).
 */
export function modifiedInputMessage(changed: { name: string; path: string }, reveal: boolean): Bilingual {
  if (!reveal)
    return bi(
      "Your function modified one of its inputs. Inputs are read-only: work on a copy.",
      "函数修改了它的某个输入。输入是只读的：请在副本上操作。",
    );
  const where = changed.path ? ` at ${changed.name}${changed.path}` : "";
  const whereZh = changed.path ? `（在 ${changed.name}${changed.path} 处）` : "";
  return bi(
    `Your function modified its input ${changed.name}${where}. Inputs are read-only: work on a copy (e.g. ${changed.name}.map((row) => row.slice()) for a matrix).`,
    `函数修改了它的输入 ${changed.name}${whereZh}。输入是只读的：请在副本上操作（矩阵可用 ${changed.name}.map((row) => row.slice())）。`,
  );
}

export function notRunMessage(reason: Bilingual): Bilingual {
  return joinBi([bi("Not run:", "未运行："), reason], " ");
}

export const BUDGET_EXCEEDED = bi(
  "the submission's total time budget was used up by earlier cases.",
  "前面的用例已用完本次提交的总时间预算。",
);

/** Console text as shown to the student (visible cases only). */
export function consoleText(c: ConsoleText | undefined): string | undefined {
  if (!c || !c.text) return undefined;
  return c.truncated ? `${c.text}\n… (console output truncated at 64 KB / 控制台输出已截断，上限 64 KB)` : c.text;
}

export type { ExerciseSpec };
