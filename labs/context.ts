/** What an experiment gets from the worker: the student's functions, the one RNG, the digits, and a way to report. */

import type { Bilingual } from "../grader/spec";
import type { Rng } from "../reference/random";
import type { Digits } from "./digits";
import type { StudentCode } from "./student";

export interface LabContext {
  code: StudentCode;
  rng: Rng;
  digits(): Promise<Digits>;
  /** Reports progress; also the place where the run yields to messages and waits while paused. */
  progress(done: number, total: number, step: Bilingual): Promise<void>;
  /** Sends part of the result to the page. */
  update(patch: Record<string, unknown>): void;
  warn(message: Bilingual): void;
}

export type Experiment = (ctx: LabContext, params: Record<string, unknown>) => Promise<void>;

/** A numeric parameter from the page, clamped to [lo, hi], or its default. */
export function param(params: Record<string, unknown>, key: string, def: number, lo: number, hi: number): number {
  const v = params[key];
  return typeof v === "number" && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : def;
}
