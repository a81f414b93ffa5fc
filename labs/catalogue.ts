/**
 * Which lab belongs to which lecture section, and which of the student's exercise
 * functions it drives. The server sends the student's code for exactly these
 * functions; the worker loads them by entry name.
 */

import type { Section } from "../grader/spec";

export type LabId = "hopfield" | "boltzmann" | "rbm" | "dae";

export interface LabFunction {
  /** Exercise slug, e.g. "hopfield-hebbian". */
  slug: string;
  /** The exercise's entry function, e.g. "hebbianWeights". */
  entry: string;
  /** The exercise's reference: export `name` of reference/<module>.ts (tests/labs check it is the spec's). */
  reference: { module: string; name: string };
}

export interface LabDefinition {
  id: LabId;
  section: Section;
  functions: LabFunction[];
  /** Running time after which the page stops the worker. */
  timeLimitMs: number;
}

export const LABS: readonly LabDefinition[] = [
  {
    id: "hopfield",
    timeLimitMs: 60_000,
    section: "10.1",
    functions: [
      { slug: "hopfield-hebbian", entry: "hebbianWeights", reference: { module: "hopfield", name: "hebbianWeights" } },
      {
        slug: "hopfield-async-sweep",
        entry: "asyncSweep",
        reference: { module: "hopfield", name: "hopfieldAsyncSweep" },
      },
      { slug: "hopfield-energy", entry: "hopfieldEnergy", reference: { module: "hopfield", name: "hopfieldEnergy" } },
      { slug: "hopfield-recall", entry: "recall", reference: { module: "hopfield", name: "hopfieldRecall" } },
    ],
  },
  {
    id: "boltzmann",
    timeLimitMs: 60_000,
    section: "10.2",
    functions: [
      { slug: "bm-annealing", entry: "anneal", reference: { module: "boltzmann", name: "anneal" } },
      { slug: "bm-gibbs-sweep", entry: "gibbsSweep", reference: { module: "boltzmann", name: "gibbsSweep" } },
      { slug: "bm-exact-gradient", entry: "bmExact", reference: { module: "boltzmann", name: "bmExact" } },
    ],
  },
  {
    id: "rbm",
    timeLimitMs: 600_000,
    section: "10.3",
    functions: [
      { slug: "rbm-cd1", entry: "cd1", reference: { module: "rbm", name: "cd1" } },
      { slug: "rbm-conditionals", entry: "rbmConditionals", reference: { module: "rbm", name: "conditionals" } },
      { slug: "rbm-free-energy", entry: "freeEnergy", reference: { module: "rbm", name: "freeEnergyBatch" } },
      {
        slug: "rbm-pseudo-likelihood",
        entry: "pseudoLikelihood",
        reference: { module: "rbm", name: "pseudoLikelihoodBatch" },
      },
    ],
  },
  {
    id: "dae",
    timeLimitMs: 600_000,
    section: "10.7",
    functions: [
      { slug: "dae-corrupt-loss", entry: "daeLoss", reference: { module: "autoencoder", name: "daeCorruptLoss" } },
      {
        slug: "sparse-ae-gradient",
        entry: "sparseAeCostGrad",
        reference: { module: "sparse", name: "sparseAeCostGrad" },
      },
    ],
  },
];

export function labForSection(section: string): LabDefinition | undefined {
  return LABS.find((l) => l.section === section);
}

export function labById(id: string): LabDefinition | undefined {
  return LABS.find((l) => l.id === id);
}
