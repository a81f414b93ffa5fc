/**
 * Bilingual message helpers shared by the grader's modules. Every student-facing
 * string the grader produces is a `Bilingual` built here or next to its use.
 */

import type { Bilingual } from "./spec";

export type { Bilingual };

export function bi(en: string, zh: string): Bilingual {
  return { en, zh };
}

/** Joins several bilingual messages (line by line by default; Chinese sentences need no space). */
export function joinBi(parts: Bilingual[], sep = "\n", sepZh = sep === " " ? "" : sep): Bilingual {
  return { en: parts.map((p) => p.en).join(sep), zh: parts.map((p) => p.zh).join(sepZh) };
}

/** Shortens a string for display (messages, thrown values). */
export function clip(s: string, max = 300): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length - max} more)`;
}

/** A number formatted compactly for messages (keeps −0, NaN, ±Infinity readable). */
export function fmtNum(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (Object.is(x, -0)) return "-0";
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e6)) return x.toExponential(4);
  return String(Number(x.toPrecision(8)));
}

/** A submission finished because its code stopped the grader's worker `kills` times (the attempt counts). */
export const STOPPED_THE_GRADER = (kills: number): Bilingual =>
  bi(
    `Your code stopped the grader ${kills} times (it ran out of memory or could not be interrupted), so it was not graded further. This attempt counts. Look for a huge allocation or an operation on a huge array.`,
    `你的代码 ${kills} 次使评分程序停止运行（内存耗尽或无法被中断），因此不再继续评分。本次尝试计入次数。请检查是否有超大的内存分配或对超大数组的操作。`,
  );
