/**
 * The lab's Web Worker: no DOM, the student's code and the digits only. The page starts one
 * run per worker and terminates the worker to stop it (labs/runner.ts keeps the time limit).
 */

import { Rng } from "../reference/random";
import { bi } from "../grader/messages";
import { labById } from "./catalogue";
import type { LabContext, Experiment } from "./context";
import { decodeDigits, type Digits } from "./digits";
import type { FromWorker, ToWorker } from "./protocol";
import { LabError, loadFunctions, StudentCode } from "./student";
import { hopfieldLab } from "./hopfield";
import { boltzmannLab } from "./boltzmann";
import { rbmLab } from "./rbm";
import { daeLab } from "./dae";

const EXPERIMENTS: Record<string, Experiment> = {
  hopfield: hopfieldLab,
  boltzmann: boltzmannLab,
  rbm: rbmLab,
  dae: daeLab,
};

/** How often a busy run lets messages (pause) in. */
const YIELD_EVERY_MS = 100;
/** How often progress is posted. */
const PROGRESS_EVERY_MS = 100;

interface Port {
  postMessage(m: FromWorker): void;
  onmessage: ((ev: { data: ToWorker }) => void) | null;
}

/** Wires a run to `port` (the worker's global scope in a browser). */
export function serve(port: Port): void {
  let paused = false;
  let wake: (() => void) | null = null;
  const post = (m: FromWorker) => port.postMessage(m);
  // A timer task: queued messages (pause, resume) are handled before it fires. (A MessageChannel ping
  // is quicker but, in Node's worker threads, can run ahead of the port's own messages.)
  const yieldNow = () => new Promise<void>((r) => setTimeout(r, 0));

  port.onmessage = (ev) => {
    const m = ev.data;
    if (m.type === "pause") paused = true;
    else if (m.type === "resume") {
      paused = false;
      wake?.();
    } else if (m.type === "start") void run(m);
  };

  async function run(m: Extract<ToWorker, { type: "start" }>) {
    let lastYield = performance.now();
    let lastProgress = 0;
    let digits: Promise<Digits> | undefined;
    try {
      const def = labById(m.lab);
      const experiment = EXPERIMENTS[m.lab];
      if (!def || !experiment) throw new LabError(bi(`There is no lab "${m.lab}".`, `没有名为 "${m.lab}" 的实验。`));
      const fns = loadFunctions(
        m.code,
        def.functions.map((f) => f.entry),
      );
      const ctx: LabContext = {
        code: new StudentCode(fns, (fn) => post({ type: "calling", fn })),
        rng: new Rng(`lab ${m.lab} ${Number(m.params.seed ?? 1)}`),
        digits: () =>
          (digits ??= fetch(m.digitsUrl).then(async (r) => {
            if (!r.ok) throw new Error(`digits: HTTP ${r.status}`);
            return decodeDigits(await r.arrayBuffer());
          })),
        async progress(done, total, step) {
          const now = performance.now();
          if (now - lastProgress >= PROGRESS_EVERY_MS || done >= total) {
            lastProgress = now;
            post({ type: "progress", done, total, step });
          }
          if (now - lastYield < YIELD_EVERY_MS && !paused) return;
          await yieldNow();
          lastYield = performance.now();
          if (!paused) return;
          post({ type: "paused" });
          while (paused) await new Promise<void>((r) => (wake = r));
          wake = null;
          post({ type: "resumed" });
          lastYield = performance.now();
        },
        update: (patch) => post({ type: "update", patch }),
        warn: (message) => post({ type: "warning", message }),
      };
      await experiment(ctx, m.params);
      post({ type: "done" });
    } catch (e) {
      if (e instanceof LabError) post({ type: "error", message: e.bilingual });
      else {
        const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        post({
          type: "error",
          message: bi(
            `The lab failed on our side (not your code): ${text}`,
            `实验在平台一侧出错（不是你的代码的问题）：${text}`,
          ),
        });
      }
    }
  }
}
