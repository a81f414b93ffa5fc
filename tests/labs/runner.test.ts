import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { FromWorker, LabCode, ToWorker } from "@/labs/protocol";
import { LabRun, type RunView, type WorkerPort } from "@/labs/runner";
import { LAB_EXPORTS, digitsUrl, solutionCode } from "./labHarness";
import { transpile } from "@/grader/transpile";

/** The real lab worker in a worker thread, behind the WorkerPort a browser Worker provides. */
function threadPort(): WorkerPort & { exited: Promise<number> } {
  const w = new Worker(new URL("./workerShim.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
  const port: WorkerPort & { exited: Promise<number> } = {
    onmessage: null,
    onerror: null,
    postMessage: (m: ToWorker) => w.postMessage(m),
    terminate: () => void w.terminate(),
    exited: new Promise((resolve) => w.on("exit", resolve)),
  };
  w.on("message", (data: FromWorker) => port.onmessage?.({ data }));
  w.on("error", (e) => port.onerror?.({ message: e.message }));
  return port;
}

function until(run: () => RunView, pred: (v: RunView) => boolean, ms = 20_000): Promise<RunView> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const v = run();
      if (pred(v)) return resolve(v);
      if (Date.now() - t0 > ms) return reject(new Error(`timed out in state ${v.state}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

async function start(code: LabCode, timeLimitMs: number, params: Record<string, unknown> = {}) {
  const port = threadPort();
  const run = new LabRun(
    port,
    { type: "start", lab: "boltzmann", params, code, digitsUrl: await digitsUrl() },
    { timeLimitMs },
  );
  return { port, run };
}

describe("a lab run's time limit", () => {
  it("stops a student function that never returns, names it, and ends the worker", async () => {
    const code = await solutionCode("boltzmann");
    const endless = await transpile(
      `export function anneal(W: number[][], b: number[], x0: number[]) { while (true) {} }`,
      { helpers: LAB_EXPORTS, fastPath: false },
    );
    if (!endless.ok) throw new Error(endless.message.en);
    code.anneal = endless.js;
    const t0 = Date.now();
    const { port, run } = await start(code, 2000);
    const v = await until(
      () => run.current,
      (x) => x.state === "error",
    );
    const took = Date.now() - t0;
    expect(v.error?.en).toMatch(/Stopped after 2 s.*while anneal was running/);
    expect(v.error?.zh).toContain("anneal");
    expect(v.elapsedMs).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThan(6000);
    expect(await port.exited).toBeTypeOf("number");
  });

  it("does not count paused time, and a resumed run finishes", { timeout: 60_000 }, async () => {
    // 400 annealing runs of 100 temperatures: long enough to pause in the middle
    const { run } = await start(await solutionCode("boltzmann"), 15_000, { runs: 200, steps: 100 });
    await until(
      () => run.current,
      (x) => x.step !== null,
    );
    run.pause();
    const paused = await until(
      () => run.current,
      (x) => x.state === "paused",
    );
    expect(paused.done).toBeLessThan(paused.total);
    await new Promise((r) => setTimeout(r, 16_000)); // longer than the whole limit
    expect(run.current.state).toBe("paused");
    expect(run.current.elapsedMs).toBe(paused.elapsedMs);
    run.resume();
    const v = await until(
      () => run.current,
      (x) => x.state === "done" || x.state === "error",
    );
    expect(v.error).toBeNull();
    expect(v.state).toBe("done");
    expect(v.elapsedMs).toBeLessThan(15_000);
  });

  it("stop ends the worker at once and keeps the state 'stopped'", async () => {
    const { port, run } = await start(await solutionCode("boltzmann"), 60_000, { runs: 200, steps: 100 });
    await until(
      () => run.current,
      (x) => x.step !== null,
    );
    run.stop();
    expect(run.current.state).toBe("stopped");
    expect(await port.exited).toBeTypeOf("number");
  });
});
