/**
 * Recall: repeat asynchronous sweeps (units visited in `order`) from x0 until a full sweep changes
 * nothing, or until maxSweeps sweeps have been performed.
 * sweeps counts every sweep performed, including the final one that changed nothing.
 */
export function recall(
  W: number[][],
  b: number[],
  x0: number[],
  order: number[],
  maxSweeps: number,
): { state: number[]; sweeps: number } {
  const state = x0.slice();
  let sweeps = 0;
  // TODO: loop over sweeps; in each sweep update the units of `order` asynchronously
  // (u_i = Σ_j w_ij x_j − b_i; 1 if u > 0, 0 if u < 0, unchanged if u = 0) and remember whether anything changed.
  return { state, sweeps };
}
