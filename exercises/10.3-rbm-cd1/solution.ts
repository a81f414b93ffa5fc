type Mat = number[][];
type Vec = number[];

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** P(h = 1 | v) for every row: σ(b + V W), B × n_h. */
function hiddenProbs(V: Mat, W: Mat, b: Vec): Mat {
  return V.map((v) => b.map((bj, j) => sigmoid(v.reduce((s, vi, i) => s + vi * W[i][j], bj))));
}
/** P(v = 1 | h) for every row: σ(a + H Wᵀ), B × n_v. */
function visibleProbs(H: Mat, W: Mat, a: Vec): Mat {
  return H.map((h) => a.map((ai, i) => sigmoid(h.reduce((s, hj, j) => s + hj * W[i][j], ai))));
}
const sample = (P: Mat, U: Mat): Mat => P.map((row, r) => row.map((p, j) => (U[r][j] < p ? 1 : 0)));

export function cd1(
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  Uh0: Mat,
  Uv1: Mat,
): { W: Mat; a: Vec; b: Vec; Vk: Mat } {
  const B = V0.length;
  const Ph0 = hiddenProbs(V0, W, b);
  const H0 = sample(Ph0, Uh0);
  const V1 = sample(visibleProbs(H0, W, a), Uv1);
  const Ph1 = hiddenProbs(V1, W, b);
  // ΔW = η/B (V0ᵀPh0 − V1ᵀPh1), Δa = η/B Σ(V0 − V1), Δb = η/B Σ(Ph0 − Ph1)
  const newW = W.map((row, i) =>
    row.map((w, j) => {
      let s = 0;
      for (let r = 0; r < B; r++) s += V0[r][i] * Ph0[r][j] - V1[r][i] * Ph1[r][j];
      return w + (eta / B) * s;
    }),
  );
  const newA = a.map((x, i) => x + (eta / B) * V0.reduce((s, _, r) => s + V0[r][i] - V1[r][i], 0));
  const newB = b.map((x, j) => x + (eta / B) * Ph0.reduce((s, _, r) => s + Ph0[r][j] - Ph1[r][j], 0));
  return { W: newW, a: newA, b: newB, Vk: V1 };
}
