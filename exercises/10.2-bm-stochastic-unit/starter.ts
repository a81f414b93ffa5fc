/**
 * Firing probabilities of a Boltzmann machine's units at temperature T:
 * p_i = σ(u_i / T) with u_i = Σ_j w_ij x_j − b_i.
 */
export function firingProbabilities(W: number[][], b: number[], x: number[], T: number): number[] {
  return x.map((_, i) => {
    const u = 0; // TODO: the input of unit i (b are thresholds)
    return 0.5; // TODO: σ(u / T)
  });
}
