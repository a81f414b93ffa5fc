/** Messages between a lab page and its Web Worker (labs/worker.ts). */

import type { Bilingual } from "../grader/spec";
import type { LabId } from "./catalogue";

/** The student's transpiled code (CommonJS) per entry function; a missing entry was not sent. */
export type LabCode = Record<string, string>;

export type ToWorker =
  | { type: "start"; lab: LabId; params: Record<string, unknown>; code: LabCode; digitsUrl: string }
  | { type: "pause" }
  | { type: "resume" };

export type FromWorker =
  /** Work done so far, in the experiment's own units (epochs, sweeps, runs). */
  | { type: "progress"; done: number; total: number; step: Bilingual }
  /** The student function now running (sent when it changes), so a time-out can name it. */
  | { type: "calling"; fn: string }
  /** Part of the result, merged into what the page shows. */
  | { type: "update"; patch: Record<string, unknown> }
  | { type: "warning"; message: Bilingual }
  | { type: "paused" }
  | { type: "resumed" }
  | { type: "done" }
  | { type: "error"; message: Bilingual };

/** A greyscale or signed image for the page to draw: row-major values. */
export interface LabImage {
  w: number;
  h: number;
  data: Float32Array;
  /** "unit": values in [0, 1] (ink); "signed": diverging around 0, scaled by the largest |value|. */
  scale: "unit" | "signed";
}

/** A line or bar series with its own label. */
export interface Series {
  label: Bilingual;
  x: number[];
  y: number[];
}
