import { addRow, matmul, sampleMat, sigmoidMat } from "lab";

type Mat = number[][];
type Vec = number[];
type Rbm = { W: Mat; a: Vec; b: Vec };

export function upPass(V: Mat, layers: Rbm[], U: Mat[]): { probs: Mat[]; samples: Mat[] } {
  const probs: Mat[] = [];
  const samples: Mat[] = [];
  let P = V;
  let S = V;
  layers.forEach((layer, l) => {
    P = sigmoidMat(addRow(matmul(P, layer.W), layer.b));
    S = sampleMat(sigmoidMat(addRow(matmul(S, layer.W), layer.b)), U[l]);
    probs.push(P);
    samples.push(S);
  });
  return { probs, samples };
}
