import { dot, sigmoid } from "lab";

/** Sequential resampling: x_i ← 1[r_t < σ((W[i]·x − b_i) / T)] on the latest state. */
export function gibbsSweep(
  W: number[][],
  b: number[],
  x: number[],
  order: number[],
  uniforms: number[],
  T: number,
): number[] {
  const state = x.slice();
  order.forEach((i, t) => {
    const p = sigmoid((dot(W[i], state) - b[i]) / T);
    state[i] = uniforms[t] < p ? 1 : 0;
  });
  return state;
}
