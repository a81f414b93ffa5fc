/**
 * The "lab" helper module that exercises may allow: `import { sigmoid } from "lab"`.
 * It is bundled and evaluated inside the student's isolate (never a host object),
 * and it is the same code as the reference numerics, so helpers cannot disagree
 * with the grader.
 */

export {
  type Vec,
  type Mat,
  zeros,
  zerosMat,
  copyMat,
  shape,
  dot,
  matmul,
  matvec,
  vecmat,
  transpose,
  outer,
  add,
  sub,
  scale,
  hadamard,
  addMat,
  subMat,
  scaleMat,
  hadamardMat,
  mapMat,
  addRow,
  sumRows,
  sum,
  sumMat,
  sumSquares,
  sigmoid,
  softplus,
  logSigmoid,
  logsumexp,
  sigmoidVec,
  sigmoidMat,
  softmax,
  bernoulli,
  sampleMat,
  allBinary,
} from "../../reference/numerics";

/** A vetted CD-1 trainer (reference/rbm.ts), for exercises that build on it (DBN greedy pretraining). */
export { cd1 } from "../../reference/rbm";
