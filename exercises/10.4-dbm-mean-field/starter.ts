/**
 * Mean-field inference for a DBM v – h1 – h2 on a batch V (B × nv); see the prompt for the exact order and stopping rule.
 */
export function meanField(
  V: number[][],
  W1: number[][],
  W2: number[][],
  b1: number[],
  b2: number[],
  options: { tol: number; maxIter: number },
): { mu1: number[][]; mu2: number[][]; iterations: number } {
  let mu1 = V.map(() => new Array(b1.length).fill(0));
  let mu2 = V.map(() => new Array(b2.length).fill(0));
  let iterations = 0;
  // TODO: repeat: μ1 ← σ(V W1 + μ2 W2ᵀ + b1), then μ2 ← σ(μ1 W2 + b2) with the new μ1;
  // track the largest change and stop when it is below options.tol or after options.maxIter iterations.
  return { mu1, mu2, iterations };
}
