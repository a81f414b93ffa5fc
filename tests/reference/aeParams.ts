/** Test helper: random autoencoder parameters (W: m × n, b: m, W̃: n × m, b̃: n) for gradient checks. */

import type { AEParams } from "@/reference/autoencoder";
import type { Rng } from "@/reference/random";

export function randomAeParams(rng: Rng, n: number, m: number): AEParams {
  return {
    W: rng.gaussianMat(m, n, 0.7),
    b: rng.gaussianVec(m, 0.3),
    Wd: rng.gaussianMat(n, m, 0.7),
    bd: rng.gaussianVec(n, 0.3),
  };
}
