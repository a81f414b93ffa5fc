import { addRow, cd1, matmul, sigmoidMat } from "lab";

type Mat = number[][];
type Vec = number[];
type Rbm = { W: Mat; a: Vec; b: Vec };

/**
 * Greedy layer-wise pretraining. init[l] is RBM l before training; epoch e of layer l is one full-batch
 * cd1(X, W, a, b, eta, U[l][e].Uh0, U[l][e].Uv1) from "lab" (it returns { W, a, b, Vk }).
 * Returns the trained RBMs in order.
 */
export function pretrain(data: Mat, init: Rbm[], epochs: number, eta: number, U: { Uh0: Mat; Uv1: Mat }[][]): Rbm[] {
  const trained: Rbm[] = [];
  let X = data;
  for (let l = 0; l < init.length; l++) {
    let p: Rbm = init[l];
    // TODO: train p for `epochs` CD-1 updates on X
    // TODO: compute the input of the next RBM
    trained.push(p);
  }
  return trained;
}
