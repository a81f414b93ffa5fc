/** The settings each lab offers on its page, with their defaults and ranges (the worker clamps them again). */

import type { LabId } from "@/labs/catalogue";

/**
 * `label` names the message `labs.params.<label>` when it differs from the key. Whole-number settings
 * step by 1; continuous ones use step "any" (the browser counts steps from min and would refuse 0.1).
 */
export type ParamSpec = { key: string; label?: string } & (
  | { kind: "number"; def: number; min: number; max: number; step: number | "any" }
  | { kind: "select"; def: string; options: string[] }
  | { kind: "digits"; def: number[] }
);

export const LAB_PARAMS: Record<LabId, ParamSpec[]> = {
  hopfield: [
    { key: "labels", kind: "digits", def: [0, 1] },
    { key: "noise", kind: "number", def: 0.1, min: 0, max: 0.5, step: "any" },
    { key: "thresholds", kind: "select", def: "balanced", options: ["balanced", "zero"] },
  ],
  boltzmann: [
    { key: "T0", kind: "number", def: 5, min: 0.01, max: 100, step: "any" },
    { key: "alpha", kind: "number", def: 0.9, min: 0.5, max: 0.999, step: "any" },
    { key: "steps", kind: "number", def: 60, min: 1, max: 200, step: 1 },
    { key: "sweepsPerTemp", kind: "number", def: 2, min: 1, max: 20, step: 1 },
  ],
  rbm: [
    { key: "hidden", kind: "number", def: 64, min: 4, max: 256, step: 1 },
    { key: "epochs", kind: "number", def: 3, min: 1, max: 50, step: 1 },
    { key: "eta", kind: "number", def: 0.1, min: 0.001, max: 10, step: "any" },
  ],
  dae: [
    { key: "noise", label: "noiseKind", kind: "select", def: "gaussian", options: ["gaussian", "masking"] },
    { key: "level", kind: "number", def: 0.3, min: 0, max: 0.95, step: "any" },
    { key: "epochs", kind: "number", def: 3, min: 1, max: 30, step: 1 },
    { key: "sparseEpochs", kind: "number", def: 3, min: 0, max: 30, step: 1 },
    { key: "rho", kind: "number", def: 0.05, min: 0.001, max: 0.5, step: "any" },
  ],
};

export function defaults(lab: LabId): Record<string, unknown> {
  return Object.fromEntries(LAB_PARAMS[lab].map((p) => [p.key, p.def]));
}
