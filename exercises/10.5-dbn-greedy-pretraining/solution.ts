import { addRow, cd1, matmul, sigmoidMat } from "lab";

type Mat = number[][];
type Vec = number[];
type Rbm = { W: Mat; a: Vec; b: Vec };

export function pretrain(data: Mat, init: Rbm[], epochs: number, eta: number, U: { Uh0: Mat; Uv1: Mat }[][]): Rbm[] {
  const trained: Rbm[] = [];
  let X = data;
  init.forEach((layer, l) => {
    let p: Rbm = layer;
    for (let e = 0; e < epochs; e++) {
      const r = cd1(X, p.W, p.a, p.b, eta, U[l][e].Uh0, U[l][e].Uv1);
      p = { W: r.W, a: r.a, b: r.b };
    }
    trained.push(p);
    // the next RBM is trained on P(h | v) of this trained layer
    X = sigmoidMat(addRow(matmul(X, p.W), p.b));
  });
  return trained;
}
