import { dot } from "lab";

/** Asynchronous sweeps until a sweep changes nothing or maxSweeps is reached; the final no-change sweep is counted. */
export function recall(
  W: number[][],
  b: number[],
  x0: number[],
  order: number[],
  maxSweeps: number,
): { state: number[]; sweeps: number } {
  const state = x0.slice();
  let sweeps = 0;
  while (sweeps < maxSweeps) {
    sweeps++;
    let changed = false;
    for (const i of order) {
      const u = dot(W[i], state) - b[i];
      const next = u > 0 ? 1 : u < 0 ? 0 : state[i];
      if (next !== state[i]) {
        state[i] = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { state, sweeps };
}
