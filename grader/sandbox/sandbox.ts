/**
 * One isolated-vm isolate per submission (host side).
 *
 *   const sb = await Sandbox.create({ memoryMb: 64 });
 *   const loaded = await sb.load(js, "cd1", { helpers: ["matmul", "sigmoidMat"], timeoutMs });
 *   const r = await sb.run(args, timeoutMs);   // per case
 *   const all = await sb.runAll(batch, timeoutMs);   // or every case in one call
 *   sb.dispose();
 *
 * Only plain data crosses: case arguments go in packed (pack.ts: a JSON skeleton and a
 * copied ArrayBuffer of numbers, rebuilt into fresh arrays per call), results come out
 * as copies of trees the trusted harness built.
 * Student code never receives a Reference, an ExternalCopy or a host callback.
 * The trusted steps (the context, its hardening, compiling the student's file) run on this
 * thread, under isolated-vm's timeout: no student code runs in them, and a synchronous call
 * spares two thread hand-overs. Every call that runs student code is asynchronous, bounded by
 * isolated-vm's timeout and by a host timer. When the host
 * timer fires (code that isolated-vm runs outside its timeout: an unhandled rejection's
 * getters, a FinalizationRegistry callback, …) the isolate is disposed, which terminates
 * any JavaScript still running: if the call then settles, the outcome is `stopped` and
 * the process carries on; if not, V8 cannot be interrupted (`SandboxHungError`), and the
 * worker process exits and the supervisor restarts it.
 */

import ivm from "isolated-vm";
import { SourceMap, type SourceMapPayload } from "node:module";
import { harnessSource } from "./harness";
import { labSource } from "./lab";
import type { PackedArgs, PackedBatch } from "./pack";

export const DEFAULT_MEMORY_MB = 64;
export const MAX_OUTPUT_ELEMENTS = 1_000_000;
export const CONSOLE_MAX_CHARS = 64 * 1024;
/** Characters of all strings and property names in one output, together. */
export const MAX_OUTPUT_CHARS = 1_000_000;
/** Extra time the host waits beyond V8's own timeout before stopping the isolate. */
export const WATCHDOG_GRACE_MS = 1500;
/** After disposing a runaway isolate, how long its call may take to settle before the isolate is declared hung. */
export const STOP_GRACE_MS = 1000;

/** What the student's code produced on one call. `value` is plain copied data. */
export type RunOutcome =
  | {
      kind: "ok";
      value: unknown;
      /** Leaves (numbers, strings, …) in `value`. */
      elements: number;
      /** The first place where the call changed one of its arguments (`path` like "[0][1]" or ".V0"), or null. */
      changedInput: { arg: number; path: string } | null;
      console: ConsoleText;
    }
  | { kind: "threw"; error: { text: string; stack: string; line?: number }; console: ConsoleText }
  | { kind: "bad_output"; path: string; en: string; zh: string; console: ConsoleText }
  | { kind: "timeout"; console: ConsoleText }
  | { kind: "memory"; console: ConsoleText }
  /** The host watchdog disposed the isolate (it ran past its time limit where V8's timeout does not reach). */
  | { kind: "stopped"; console: ConsoleText };

export type LoadOutcome =
  | { kind: "ok"; console: ConsoleText }
  | { kind: "no_entry"; exported: string[]; console: ConsoleText }
  | { kind: "threw"; error: { text: string; stack: string; line?: number }; console: ConsoleText }
  | { kind: "syntax"; text: string; console: ConsoleText }
  | { kind: "timeout"; console: ConsoleText }
  | { kind: "memory"; console: ConsoleText }
  | { kind: "stopped"; console: ConsoleText };

export interface ConsoleText {
  text: string;
  truncated: boolean;
}

const NO_CONSOLE: ConsoleText = { text: "", truncated: false };

/** V8 kept running past its timeout: the isolate's thread is stuck, only the process can recover. */
export class SandboxHungError extends Error {
  constructor(ms: number) {
    super(`sandbox did not stop ${ms} ms after its time limit`);
    this.name = "SandboxHungError";
  }
}

/**
 * The grader itself failed on a call (isolated-vm refused its arguments, a host bug): not the
 * student's doing. It propagates out of `grade`, so the worker records a grader error and retries
 * the job; it is never scored.
 */
export class SandboxHostError extends Error {
  constructor(cause: unknown) {
    super(`sandbox call failed on the host: ${String((cause as Error)?.message ?? cause)}`, { cause });
    this.name = "SandboxHostError";
  }
}

/** The host watchdog disposed a runaway isolate and its call then settled: the process is fine. */
class SandboxStoppedError extends Error {
  constructor() {
    super("sandbox stopped by the host watchdog");
    this.name = "SandboxStoppedError";
  }
}

// ---------------------------------------------------------------- per-process bootstrap

/** The global that holds `dispatch` in the snapshot, deleted before any student code runs. */
const DISPATCH_GLOBAL = "__gibbsDispatch";

/** One load and one batch of a two-case module through `dispatch`, for the snapshot's warm-up. */
const WARM_UP = `{
  const d = globalThis.${DISPATCH_GLOBAL};
  d("load", function (module, exports) { exports.f = function (v, o) { console.log("warm", v.length); return [v[0] + o.x, { k: "s" }]; }; }, "f", "");
  const skeleton = ["a", [["f", 0, 2], ["o", { x: ["x", 2] }]]];
  d("runAll", JSON.stringify([[skeleton, 0, 3, 100], [skeleton, 3, 3, 100]]), new Float64Array([1, 2, 3, 4, 5, 6]).buffer);
}`;

interface Bootstrap {
  /** A V8 heap with the harness (and the lab module) already evaluated: every isolate starts from it. */
  snapshot: ivm.ExternalCopy<ArrayBuffer>;
}
let bootstrap: Promise<Bootstrap> | undefined;

async function getBootstrap(): Promise<Bootstrap> {
  bootstrap ??= (async () => {
    const source = harnessSource(await labSource(), {
      maxOutputElements: MAX_OUTPUT_ELEMENTS,
      consoleMaxChars: CONSOLE_MAX_CHARS,
      maxOutputChars: MAX_OUTPUT_CHARS,
    });
    // Starting from a snapshot skips compiling and running the harness in each isolate (~1 ms of CPU).
    // The warm-up (V8 runs it in a throwaway context; its state is not kept) compiles the harness's
    // functions, whose code the snapshot then keeps.
    const snapshot = ivm.Isolate.createSnapshot(
      [{ code: `globalThis.${DISPATCH_GLOBAL} = ${source};`, filename: "gibbs-harness.js" }],
      WARM_UP,
    );
    return { snapshot };
  })();
  return bootstrap;
}

/** Warms the per-process caches (lab bundle, harness snapshot). */
export async function warmSandbox(): Promise<void> {
  await getBootstrap();
}

// ---------------------------------------------------------------- spare isolate

let spare: { memoryMb: number; sandbox: Promise<Sandbox> } | undefined;

/**
 * A fresh sandbox for one submission. One spare is prepared in the background after
 * each call, so the next submission does not wait for isolate + context + harness
 * (≈ 2 ms). A spare has never run any student code: every submission still gets a
 * fresh isolate.
 */
export async function acquireSandbox(memoryMb = DEFAULT_MEMORY_MB): Promise<Sandbox> {
  let next: Promise<Sandbox>;
  if (spare && spare.memoryMb === memoryMb) next = spare.sandbox;
  else {
    spare?.sandbox.then(
      (s) => s.dispose(),
      () => {},
    );
    next = Sandbox.create({ memoryMb });
  }
  const s = Sandbox.create({ memoryMb });
  s.catch(() => {});
  spare = { memoryMb, sandbox: s };
  try {
    return await next;
  } catch {
    return Sandbox.create({ memoryMb });
  }
}

/** Disposes the background spare (before a short-lived process such as the CLI exits). */
export async function releaseSpare(): Promise<void> {
  const s = spare;
  spare = undefined;
  await s?.sandbox.then(
    (sb) => sb.dispose(),
    () => {},
  );
}

// ---------------------------------------------------------------- the sandbox

export class Sandbox {
  /** esbuild's source map, made and parsed only when an error's line is wanted. */
  private sourceMap?: () => Promise<string>;
  private map?: Promise<SourceMap | undefined>;
  /** Set when the host watchdog disposed the isolate: later calls report "stopped". */
  private stopped = false;
  private heapPeak = 0;
  private constructor(
    private readonly isolate: ivm.Isolate,
    private readonly context: ivm.Context,
    private readonly dispatch: ivm.Reference<(...a: unknown[]) => unknown>,
  ) {}

  static async create(opts: { memoryMb?: number } = {}): Promise<Sandbox> {
    const boot = await getBootstrap();
    const isolate = new ivm.Isolate({ memoryLimit: opts.memoryMb ?? DEFAULT_MEMORY_MB, snapshot: boot.snapshot });
    try {
      // Trusted setup only (no student code is in the isolate yet), so on this thread: an async call
      // would hand over to the isolate's thread and back (~0.2 ms of CPU each way).
      const context = isolate.createContextSync();
      // Off the global, then the hardening V8's fresh context needs (harness.ts harden), in one call.
      const dispatch = context.evalSync(
        `(() => { const d = globalThis.${DISPATCH_GLOBAL}; delete globalThis.${DISPATCH_GLOBAL}; d("harden"); return d; })()`,
        { reference: true, timeout: 2000 },
      ) as ivm.Reference<(...a: unknown[]) => unknown>;
      return new Sandbox(isolate, context, dispatch);
    } catch (err) {
      if (!isolate.isDisposed) isolate.dispose();
      throw err;
    }
  }

  get disposed(): boolean {
    return this.isolate.isDisposed;
  }

  /**
   * The most memory this isolate held after any call so far, in MB: V8's heap size (what it reserved
   * for the student's objects, garbage not yet collected included) plus array buffers outside it.
   */
  heapPeakMb(): number {
    return Math.round((this.heapPeak / 2 ** 20) * 10) / 10;
  }

  private sampleHeap(): void {
    if (this.isolate.isDisposed) return;
    const h = this.isolate.getHeapStatisticsSync();
    this.heapPeak = Math.max(this.heapPeak, h.total_heap_size + h.externally_allocated_size);
  }

  /**
   * Evaluates the student's transpiled module (CommonJS from transpile.ts) and finds the
   * entry function. `sourceMap` (optional, asked for on the first error) maps run-time error lines back
   * to the student's file. `moduleCheck`: the fast path's ES module source (transpile.ts), compiled first.
   */
  async load(
    js: string,
    entry: string,
    opts: { helpers: readonly string[]; timeoutMs: number; sourceMap?: () => Promise<string>; moduleCheck?: string },
  ): Promise<LoadOutcome> {
    this.sourceMap = opts.sourceMap;
    let factory: ivm.Reference<unknown>;
    try {
      // The file as an ES module, compiled and dropped, never run: its early errors are a syntax outcome.
      if (opts.moduleCheck !== undefined)
        this.isolate.compileModuleSync(opts.moduleCheck, { filename: "student.js" }).release();
      // On this thread: compiling runs none of the student's code, and evaluating the wrapper only makes
      // the function (its body runs in the guarded "load" call below).
      const script = this.isolate.compileScriptSync(`(function (module, exports, require) {${js}\n})`, {
        filename: "student.js",
      });
      factory = script.runSync(this.context, { reference: true, timeout: opts.timeoutMs }) as ivm.Reference<unknown>;
    } catch (err) {
      return limitOutcome(err) ?? { kind: "syntax", text: String((err as Error).message ?? err), console: NO_CONSOLE };
    }
    try {
      const r = (await this.guard(
        this.dispatch.apply(undefined, ["load", factory.derefInto(), entry, opts.helpers.join(",")], {
          timeout: opts.timeoutMs,
          result: { copy: true },
        }),
        opts.timeoutMs,
      )) as LoadOutcome;
      if (r.kind === "threw") r.error.line = await this.originalLine(r.error.stack);
      return r;
    } catch (err) {
      return limitOutcome(err) ?? { kind: "threw", error: await this.isolateError(err), console: NO_CONSOLE };
    } finally {
      this.sampleHeap();
      if (!this.isolate.isDisposed) factory.release();
    }
  }

  /**
   * Calls the entry function on a fresh copy of a case's arguments, packed by `packArgs`
   * (the skeleton as a string, the numbers as a copied ArrayBuffer: plain data only). An output of
   * more than `maxElements` leaves is refused inside the isolate, before anything is copied out.
   */
  async run(args: PackedArgs, timeoutMs: number, maxElements = MAX_OUTPUT_ELEMENTS): Promise<RunOutcome> {
    try {
      const numbers = new ivm.ExternalCopy(args.numbers.buffer).copyInto({ release: true });
      const call = ["run", args.skeleton, numbers, maxElements];
      const r = (await this.guard(
        this.dispatch.apply(undefined, call, { timeout: timeoutMs, result: { copy: true } }),
        timeoutMs,
      )) as RunOutcome;
      if (r.kind === "threw") r.error.line = await this.originalLine(r.error.stack);
      return r;
    } catch (err) {
      // Else e.g. an unhandled promise rejection inside the isolate, which isolated-vm reports on the call.
      return limitOutcome(err) ?? { kind: "threw", error: await this.isolateError(err), console: NO_CONSOLE };
    } finally {
      this.sampleHeap();
    }
  }

  /**
   * Every case of a batch in one call (one trip into the isolate instead of one per case), under one
   * time limit for all of them. Each outcome is what `run` would have returned for its case in turn,
   * plus the case's own time in whole milliseconds, measured inside the isolate. When the call as a
   * whole fails (the time limit, the memory limit, the watchdog, or results holding more characters
   * than one output may), only that is known: `incomplete`.
   */
  async runAll(
    batch: PackedBatch,
    timeoutMs: number,
  ): Promise<{ kind: "ok"; outcomes: (RunOutcome & { ms: number })[] } | { kind: "incomplete" }> {
    try {
      const numbers = new ivm.ExternalCopy(batch.numbers.buffer).copyInto({ release: true });
      const r = (await this.guard(
        this.dispatch.apply(undefined, ["runAll", batch.list, numbers], { timeout: timeoutMs, result: { copy: true } }),
        timeoutMs,
      )) as { complete: true; outcomes: (RunOutcome & { ms: number })[] } | { complete: false; outcomes: null };
      if (!r.complete) return { kind: "incomplete" };
      for (const o of r.outcomes) if (o.kind === "threw") o.error.line = await this.originalLine(o.error.stack);
      return { kind: "ok", outcomes: r.outcomes };
    } catch (err) {
      limitOutcome(err); // rethrows what is not the student's (a hung isolate, a host failure)
      return { kind: "incomplete" };
    } finally {
      this.sampleHeap();
    }
  }

  /** An error the student's code raised, as isolated-vm reported it on the host side of the call. */
  private async isolateError(err: unknown): Promise<{ text: string; stack: string; line?: number }> {
    const e = err as Error;
    const text = `${e?.name ?? "Error"}: ${String(e?.message ?? err)}`.slice(0, 500);
    const stack = typeof e?.stack === "string" ? e.stack : "";
    return { text, stack, line: await this.originalLine(stack) };
  }

  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  /**
   * `p` under the host deadline. Past it, the isolate is disposed (V8 TerminateExecution):
   * a call that then settles within STOP_GRACE_MS → SandboxStoppedError (the process is
   * fine); otherwise SandboxHungError (V8 cannot be interrupted: the process must exit).
   */
  private async guard<T>(p: Promise<T>, timeoutMs: number): Promise<T> {
    if (this.stopped) {
      p.catch(() => {});
      throw new SandboxStoppedError();
    }
    try {
      return await withDeadline(p, timeoutMs + WATCHDOG_GRACE_MS);
    } catch (err) {
      if (!(err instanceof SandboxHungError)) throw err;
      this.stopped = true;
      this.dispose();
      const settled = p.then(
        (value) => ({ value }),
        () => undefined,
      );
      const outcome = await withDeadline(settled, STOP_GRACE_MS).catch(() => null);
      if (outcome === null) throw err;
      // The call had in fact finished (the host's timer was late): its copied result is good.
      if (outcome) return outcome.value;
      throw new SandboxStoppedError();
    }
  }

  /** Line in the student's file of the first student.js frame of a stack, via the source map. */
  private async originalLine(stack: string): Promise<number | undefined> {
    const m = /student\.js:(\d+):(\d+)/.exec(stack);
    if (!m || !this.sourceMap) return undefined;
    const sourceMap = this.sourceMap;
    const map = await (this.map ??= sourceMap().then(
      (json) => new SourceMap(JSON.parse(json) as SourceMapPayload),
      () => undefined, // no line then: the error's text still says what went wrong
    ));
    if (!map) return undefined;
    const line = Number(m[1]) - 1;
    // The wrapper adds its prefix to line 1 only.
    const col = Number(m[2]) - 1 - (line === 0 ? "(function (module, exports, require) {".length : 0);
    const e = map.findEntry(line, Math.max(0, col)) as { originalLine?: number };
    return e && typeof e.originalLine === "number" ? e.originalLine + 1 : undefined;
  }
}

/** `p`, or SandboxHungError after `ms` (the host-side bound on every isolate call). */
async function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SandboxHungError(ms)), ms);
  });
  try {
    return await Promise.race([p, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * How a failed isolate call ended, when a limit or the watchdog ended it; undefined when the
 * student's code raised an error. Rethrows what is not the student's: a hung isolate, and a
 * host-side failure (an Error with no frame from inside the isolate; errors that cross
 * isolated-vm's boundary carry `<isolated-vm>` frames, and host code never throws non-Errors).
 */
function limitOutcome(err: unknown): { kind: "stopped" | "timeout" | "memory"; console: ConsoleText } | undefined {
  if (err instanceof SandboxHungError) throw err;
  if (err instanceof SandboxStoppedError) return { kind: "stopped", console: NO_CONSOLE };
  const k = classify(err);
  if (k) return { kind: k, console: NO_CONSOLE };
  if (err instanceof Error && !String(err.stack).includes("<isolated-vm")) throw new SandboxHostError(err);
  return undefined;
}

function classify(err: unknown): "timeout" | "memory" | undefined {
  const msg = String((err as Error)?.message ?? err);
  if (/timed out/i.test(msg)) return "timeout";
  if (/memory limit/i.test(msg) || /disposed/i.test(msg)) return "memory";
  return undefined;
}
