/** Result images for the page (see LabImage in protocol.ts). */

import type { LabImage } from "./protocol";

export function unitImage(values: ArrayLike<number>, w: number, h = w): LabImage {
  return { w, h, data: Float32Array.from(values), scale: "unit" };
}

export function signedImage(values: ArrayLike<number>, w: number, h = w): LabImage {
  return { w, h, data: Float32Array.from(values), scale: "signed" };
}

/** Column j of a row-major n × m matrix given as rows. */
export function column(M: ArrayLike<number>[], j: number): Float64Array {
  const out = new Float64Array(M.length);
  for (let i = 0; i < M.length; i++) out[i] = M[i][j];
  return out;
}
