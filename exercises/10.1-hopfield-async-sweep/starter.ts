/**
 * One asynchronous sweep of a Hopfield network.
 * W: n × n, b: thresholds (n), x: binary state (n), order: the indices to visit, in sequence.
 */
export function asyncSweep(W: number[][], b: number[], x: number[], order: number[]): number[] {
  const state = x.slice();
  for (const i of order) {
    // TODO: compute u_i = Σ_j w_ij x_j − b_i from the current `state`,
    // then apply the update rule (including the case u_i = 0).
  }
  return state;
}
