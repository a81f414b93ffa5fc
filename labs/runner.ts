/**
 * The page's side of a lab run: starts the Worker, keeps the time limit (running time only:
 * the clock stops once the worker confirms a pause), estimates the time left, and terminates
 * the worker on stop, on time-out, or when the run ends.
 */

import { bi } from "../grader/messages";
import type { Bilingual } from "../grader/spec";
import type { FromWorker, ToWorker } from "./protocol";

/** The part of a Web Worker (or a test's stand-in) that a run needs. */
export interface WorkerPort {
  postMessage(m: ToWorker): void;
  terminate(): void;
  onmessage: ((ev: { data: FromWorker }) => void) | null;
  onerror: ((ev: { message?: string }) => void) | null;
}

export type RunState = "running" | "pausing" | "paused" | "done" | "error" | "stopped";

export interface RunView {
  state: RunState;
  done: number;
  total: number;
  step: Bilingual | null;
  /** Running time so far, ms (pauses excluded). */
  elapsedMs: number;
  /** Estimated running time left, ms, once there is progress to go by. */
  etaMs: number | null;
  error: Bilingual | null;
}

export interface RunOptions {
  timeLimitMs: number;
  /** Every message from the worker, after the run's own bookkeeping. */
  onMessage?: (m: FromWorker) => void;
  /** Called whenever the view changes. */
  onView?: (v: RunView) => void;
  now?: () => number;
}

export class LabRun {
  private view: RunView = { state: "running", done: 0, total: 1, step: null, elapsedMs: 0, etaMs: null, error: null };
  private runningSince: number;
  private banked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private calling = "";
  private readonly now: () => number;

  constructor(
    private readonly port: WorkerPort,
    start: Extract<ToWorker, { type: "start" }>,
    private readonly opts: RunOptions,
  ) {
    this.now = opts.now ?? (() => performance.now());
    this.runningSince = this.now();
    port.onmessage = (ev) => this.receive(ev.data);
    port.onerror = (ev) =>
      this.finish(
        "error",
        bi(
          `The lab's worker failed: ${ev.message ?? "unknown error"}`,
          `实验的 Worker 出错：${ev.message ?? "未知错误"}`,
        ),
      );
    port.postMessage(start);
    this.arm();
  }

  get current(): RunView {
    return { ...this.view, elapsedMs: this.elapsed() };
  }

  pause(): void {
    if (this.view.state !== "running") return;
    this.port.postMessage({ type: "pause" });
    this.set({ state: "pausing" });
  }

  resume(): void {
    if (this.view.state !== "paused" && this.view.state !== "pausing") return;
    this.port.postMessage({ type: "resume" });
    if (this.view.state === "paused") this.runningSince = this.now();
    this.set({ state: "running" });
    this.arm();
  }

  stop(): void {
    if (this.isOver()) return;
    this.finish("stopped", null);
  }

  private isOver() {
    return this.view.state === "done" || this.view.state === "error" || this.view.state === "stopped";
  }

  private elapsed(): number {
    const live = this.view.state === "running" || this.view.state === "pausing";
    return this.banked + (live ? this.now() - this.runningSince : 0);
  }

  private arm() {
    clearTimeout(this.timer);
    const left = this.opts.timeLimitMs - this.elapsed();
    this.timer = setTimeout(() => this.timeUp(), Math.max(0, left));
  }

  private timeUp() {
    if (this.isOver() || this.view.state === "paused") return;
    if (this.elapsed() < this.opts.timeLimitMs) return this.arm();
    const s = Math.round(this.opts.timeLimitMs / 1000);
    const fn = this.calling;
    this.finish(
      "error",
      fn
        ? bi(
            `Stopped after ${s} s, the lab's time limit, while ${fn} was running. Does it loop forever?`,
            `已在 ${s} 秒（实验的时间上限）后停止，当时正在运行 ${fn}。它是否陷入了死循环？`,
          )
        : bi(`Stopped after ${s} s, the lab's time limit.`, `已在 ${s} 秒（实验的时间上限）后停止。`),
    );
  }

  private receive(m: FromWorker) {
    if (this.isOver()) return;
    switch (m.type) {
      case "progress": {
        const el = this.elapsed();
        const etaMs = m.done > 0 && m.done < m.total ? (el / m.done) * (m.total - m.done) : null;
        this.set({ done: m.done, total: m.total, step: m.step, etaMs });
        break;
      }
      case "calling":
        this.calling = m.fn;
        break;
      case "paused":
        if (this.view.state === "pausing") {
          this.banked = this.elapsed();
          this.set({ state: "paused" });
          clearTimeout(this.timer);
        }
        break;
      case "done":
        this.opts.onMessage?.(m);
        this.finish("done", null);
        return;
      case "error":
        this.opts.onMessage?.(m);
        this.finish("error", m.message);
        return;
    }
    this.opts.onMessage?.(m);
  }

  private finish(state: "done" | "error" | "stopped", error: Bilingual | null) {
    this.banked = this.elapsed();
    clearTimeout(this.timer);
    this.port.terminate();
    this.set({ state, error, etaMs: null, ...(state === "done" ? { done: this.view.total } : {}) });
  }

  private set(patch: Partial<RunView>) {
    this.view = { ...this.view, ...patch };
    this.opts.onView?.(this.current);
  }
}
