/**
 * The fast path's transforms (transpile.ts): @swc/core, run in a worker thread of this process.
 *
 * - A thread of its own, with a 1 GB stack: swc's parser recurses on the native stack, and a
 *   deeply nested file (3,000 parentheses, a 6 KB file) overflows the main thread's 8 MB and kills
 *   the whole process (SIGSEGV). The largest file grading accepts (MAX_CODE_BYTES) fits in 1 GB.
 * - One thread, requests answered in turn. A request not answered within ANSWER_MS gets no answer
 *   (esbuild decides that file), and nothing more is sent to the thread until its overdue answer
 *   arrives: a native call cannot be stopped (terminating the thread under it crashes the process),
 *   so it finishes on its own. At most one thread works on a hostile file; meanwhile every file
 *   goes to esbuild.
 * - The thread holds the process open only while a request waits for it.
 */

import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Options as SwcOptions } from "@swc/core";

/** Longer than any honest file takes (a 100 KB solution: ~20 ms), shorter than a student would notice. */
export const ANSWER_MS = 1000;
const STACK_MB = 1024;

/** What the thread runs: each request's transforms of one file, in order, or null when swc refused it. */
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const swc = require(workerData.swcPath);
parentPort.on("message", ({ id, code, options }) => {
  let outputs = null;
  try {
    outputs = options.map((o) => { const r = swc.transformSync(code, o); return { code: r.code, map: r.map }; });
  } catch {}
  parentPort.postMessage({ id, outputs });
});`;

export interface SwcOutput {
  code: string;
  map?: string;
}

interface Waiting {
  resolve: (outputs: SwcOutput[] | undefined) => void;
  timer: NodeJS.Timeout;
}

let thread: Worker | undefined;
/** The request past its answer time, while its answer is still to come: nothing is sent meanwhile. */
let overdue: number | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 0;

function start(): Worker {
  if (thread) return thread;
  const swcPath = createRequire(import.meta.url).resolve("@swc/core");
  const w = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { swcPath },
    execArgv: [],
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  w.on("message", (m: { id: number; outputs: SwcOutput[] | null }) => {
    if (m.id === overdue) overdue = undefined;
    answer(m.id, m.outputs ?? undefined);
  });
  // Not expected (swc's errors are caught in the thread): the next request starts a new thread.
  w.on("exit", () => {
    if (thread !== w) return;
    thread = undefined;
    overdue = undefined;
    giveUp();
  });
  w.unref();
  thread = w;
  return w;
}

function answer(id: number, outputs: SwcOutput[] | undefined): void {
  const w = waiting.get(id);
  if (!w) return;
  waiting.delete(id);
  clearTimeout(w.timer);
  w.resolve(outputs);
  if (waiting.size === 0) thread?.unref();
}

/** Every waiting request gets no answer (esbuild decides those files). */
function giveUp(): void {
  for (const id of [...waiting.keys()]) answer(id, undefined);
}

/**
 * The file through each of `options` in turn (one trip to the thread), or undefined: swc refused
 * the file, or did not answer in time, or the thread still owes an overdue answer.
 */
export function swcTransforms(code: string, options: SwcOptions[]): Promise<SwcOutput[] | undefined> {
  if (overdue !== undefined) return Promise.resolve(undefined);
  const w = start();
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      overdue = id;
      giveUp();
    }, ANSWER_MS);
    waiting.set(id, { resolve, timer });
    w.ref();
    w.postMessage({ id, code, options });
  });
}
