/**
 * DBM energy for each row of the batch: E(v, h1, h2) = −vᵀW1h1 − h1ᵀW2h2 − aᵀv − b1ᵀh1 − b2ᵀh2.
 */
export function dbmEnergy(
  V: number[][],
  H1: number[][],
  H2: number[][],
  W1: number[][],
  W2: number[][],
  a: number[],
  b1: number[],
  b2: number[],
): number[] {
  return V.map((v, k) => {
    const h1 = H1[k];
    const h2 = H2[k];
    // TODO: the two interaction terms and the three bias terms, with their signs.
    return 0;
  });
}
