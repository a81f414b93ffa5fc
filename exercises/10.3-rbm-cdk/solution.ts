import { addRow, matmul, sampleMat, sigmoidMat, sumRows, transpose } from "lab";

type Mat = number[][];
type Vec = number[];

export function cdk(
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  k: number,
  U: { Uh0: Mat; Uv: Mat[]; Uh: Mat[] },
): { W: Mat; a: Vec; b: Vec; Vk: Mat } {
  const B = V0.length;
  const up = (V: Mat) => sigmoidMat(addRow(matmul(V, W), b));
  const down = (H: Mat) => sigmoidMat(addRow(matmul(H, transpose(W)), a));
  const Ph0 = up(V0);
  let H = sampleMat(Ph0, U.Uh0);
  let V = V0;
  let Ph = Ph0;
  for (let t = 1; t <= k; t++) {
    V = sampleMat(down(H), U.Uv[t - 1]);
    Ph = up(V);
    if (t < k) H = sampleMat(Ph, U.Uh[t - 1]);
  }
  const pos = matmul(transpose(V0), Ph0);
  const neg = matmul(transpose(V), Ph);
  const s0 = sumRows(V0),
    sk = sumRows(V),
    p0 = sumRows(Ph0),
    pk = sumRows(Ph);
  return {
    W: W.map((row, i) => row.map((w, j) => w + (eta / B) * (pos[i][j] - neg[i][j]))),
    a: a.map((x, i) => x + (eta / B) * (s0[i] - sk[i])),
    b: b.map((x, j) => x + (eta / B) * (p0[j] - pk[j])),
    Vk: V,
  };
}
