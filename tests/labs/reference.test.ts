/** The labs' "use the reference" code: the catalogue names each exercise's own reference, and it runs in a lab. */

import { describe, expect, it } from "vitest";
import { loadCatalogue } from "@/exercises/catalogue";
import { referenceSource } from "@/app/_lib/labs";
import { LABS, labById } from "@/labs/catalogue";
import type { LabCode } from "@/labs/protocol";
import { runLab } from "./labHarness";

describe("lab reference code", () => {
  it("each lab function's reference is its exercise spec's reference function", async () => {
    const catalogue = await loadCatalogue();
    for (const lab of LABS) {
      for (const f of lab.functions) {
        const spec = catalogue.get(f.slug)?.spec;
        expect(spec, f.slug).toBeDefined();
        expect(spec!.entry).toBe(f.entry);
        expect(spec!.section).toBe(lab.section);
        const mod = (await import(`@/reference/${f.reference.module}.ts`)) as Record<string, unknown>;
        expect(mod[f.reference.name], `${f.slug}: reference/${f.reference.module}.ts#${f.reference.name}`).toBe(
          spec!.reference,
        );
      }
    }
  });

  it(
    "the bundled reference runs the RBM lab; one CD-1 epoch of 784 × 64 over 2,000 digits, batches of 20",
    { timeout: 120_000 },
    async () => {
      const code: LabCode = {};
      for (const f of labById("rbm")!.functions) code[f.entry] = await referenceSource(f);
      const r = await runLab("rbm", { epochs: 1 }, code);
      expect(r.error).toBeUndefined();
      const h = r.result.history as { reconError: number; trainMs: number }[];
      expect(h[1].reconError).toBeLessThan(0.7 * h[0].reconError);
      console.log(`[labs] Node, reference CD-1 epoch: ${Math.round(h[1].trainMs)} ms`);
    },
  );
});
