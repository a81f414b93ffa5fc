/**
 * Mutants of the shared helpers in reference/numerics.ts that no input can tell apart from them (issue 12
 * item 2, exercises/mutation.ts); every exercise whose reference calls the helper lists them.
 */

import type { EquivalentMutant } from "./types";

export const numericsEquivalentMutants = {
  zerosMatUnsized: {
    at: "reference/numerics.ts:21:13",
    mutator: "ArrayDeclaration",
    replacement: "new Array()",
    reason: {
      en: "the length only preallocates: the loop then fills every row 0..r−1 either way",
      zh: "长度只是预分配：随后的循环都会填满第 0..r−1 行",
    },
  },
} satisfies Record<string, EquivalentMutant>;
