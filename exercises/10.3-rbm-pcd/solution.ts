import { addRow, matmul, sampleMat, sigmoidMat, sumRows, transpose } from "lab";

type Mat = number[][];
type Vec = number[];

export function pcdStep(
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  chain: Mat,
  U: { Uh: Mat[]; Uv: Mat[] },
): { W: Mat; a: Vec; b: Vec; chain: Mat } {
  const B = V0.length;
  const up = (V: Mat) => sigmoidMat(addRow(matmul(V, W), b));
  const down = (H: Mat) => sigmoidMat(addRow(matmul(H, transpose(W)), a));
  const Ph0 = up(V0);
  let C = chain;
  for (let t = 0; t < U.Uh.length; t++) {
    const H = sampleMat(up(C), U.Uh[t]);
    C = sampleMat(down(H), U.Uv[t]);
  }
  const Phk = up(C);
  const pos = matmul(transpose(V0), Ph0);
  const neg = matmul(transpose(C), Phk);
  const s0 = sumRows(V0),
    sk = sumRows(C),
    p0 = sumRows(Ph0),
    pk = sumRows(Phk);
  return {
    W: W.map((row, i) => row.map((w, j) => w + (eta / B) * (pos[i][j] - neg[i][j]))),
    a: a.map((x, i) => x + (eta / B) * (s0[i] - sk[i])),
    b: b.map((x, j) => x + (eta / B) * (p0[j] - pk[j])),
    chain: C,
  };
}
