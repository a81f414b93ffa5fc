import { addRow, matmul, sampleMat, sigmoidMat } from "lab";

type Mat = number[][];
type Vec = number[];
type Rbm = { W: Mat; a: Vec; b: Vec };

/**
 * Up-pass through a DBN, twice: by probabilities and by samples. V: B × n_0; layers[l].W: n_l × n_{l+1}.
 * Returns probs and samples, each with one B × n_{l+1} matrix per layer (V itself is not included).
 */
export function upPass(V: Mat, layers: Rbm[], U: Mat[]): { probs: Mat[]; samples: Mat[] } {
  const probs: Mat[] = [];
  const samples: Mat[] = [];
  let P = V;
  for (let l = 0; l < layers.length; l++) {
    // TODO: the probabilistic layer l from P
    // TODO: the sampled layer l, driven by the previous sampled layer, with uniforms U[l]
  }
  return { probs, samples };
}
