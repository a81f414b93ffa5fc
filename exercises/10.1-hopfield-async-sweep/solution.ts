import { dot } from "lab";

/** For each i in order: u_i = W[i]·x − b_i on the latest state; x_i ← 1 (u > 0), 0 (u < 0), unchanged (u = 0). */
export function asyncSweep(W: number[][], b: number[], x: number[], order: number[]): number[] {
  const state = x.slice();
  for (const i of order) {
    const u = dot(W[i], state) - b[i];
    if (u > 0) state[i] = 1;
    else if (u < 0) state[i] = 0;
  }
  return state;
}
