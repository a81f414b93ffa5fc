/**
 * One Gibbs sweep at temperature T. For the t-th visit, i = order[t]:
 * p = σ(u_i / T) with u_i = Σ_j w_ij x_j − b_i (latest state), then x_i ← 1 if uniforms[t] < p, else 0.
 */
export function gibbsSweep(
  W: number[][],
  b: number[],
  x: number[],
  order: number[],
  uniforms: number[],
  T: number,
): number[] {
  const state = x.slice();
  for (let t = 0; t < order.length; t++) {
    const i = order[t];
    // TODO: compute p for unit i from `state`, then set state[i] from uniforms[t].
  }
  return state;
}
