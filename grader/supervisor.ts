/**
 * The grader supervisor (host-side watchdog): forks N worker processes
 * (`node --no-node-snapshot --import tsx grader/worker.ts`), restarts any that exits
 * (V8 OOM abort, kill -9, a hung isolate) and kills + restarts one whose heartbeat
 * stops (an uninterruptible V8 operation blocking its main thread).
 *
 *   npm run grader                                   # N = GIBBS_GRADER_CONCURRENCY or the core count
 *   node --no-node-snapshot --import tsx grader/supervisor.ts   # what `npm start` launches
 *
 * SIGTERM/SIGINT are forwarded: each worker finishes or releases its job, then exits.
 */

import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const WORKER_PATH = path.join(here, "worker.ts");
export const HEARTBEAT_TIMEOUT_MS = 10_000;
export const STARTUP_TIMEOUT_MS = 120_000;

export interface SupervisorOptions {
  concurrency?: number;
  /** Extra environment for the workers (e.g. DATABASE_URL). */
  env?: Record<string, string | undefined>;
  heartbeatTimeoutMs?: number;
  log?: (msg: string) => void;
  /** Worker stdout/stderr: "inherit" (default) or "ignore". */
  stdio?: "inherit" | "ignore";
}

export interface Supervisor {
  /** Current worker processes. */
  readonly workers: () => ChildProcess[];
  /** Resolves when every worker has sent "ready" once. */
  readonly ready: Promise<void>;
  /** The workers that have said "ready", to which the heartbeat timeout applies (not the start-up grace). */
  readyWorkers(): ChildProcess[];
  restarts: number;
  stop(): Promise<void>;
}

export function defaultConcurrency(): number {
  const n = Number(process.env.GIBBS_GRADER_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : Math.max(1, os.availableParallelism());
}

export function startSupervisor(opts: SupervisorOptions = {}): Supervisor {
  const n = opts.concurrency ?? defaultConcurrency();
  const log = opts.log ?? ((m: string) => console.log(`[grader] ${m}`));
  const timeoutMs = opts.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS;
  const slots = new Array<ChildProcess | undefined>(n).fill(undefined);
  const quickDeaths = new Array<number>(n).fill(0);
  const lastBeat = new Map<ChildProcess, number>();
  /** Workers that have sent "ready": the heartbeat timeout applies to them. */
  const started = new Set<ChildProcess>();
  /** Queue lease owner of each worker ("host:pid", as the worker names itself). */
  const ownerOf = new Map<ChildProcess, string>();
  /** Dead workers whose jobs no live worker has settled yet (see settleDeadWorker in queue.ts). */
  const unsettled = new Set<string>();
  const askToSettle = () => {
    for (const c of readyWorkers()) for (const owner of unsettled) c.send?.({ type: "dead", owner }, () => {});
  };
  let stopping = false;
  let readyCount = 0;
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const workers = () => slots.filter((c): c is ChildProcess => !!c);
  const readyWorkers = () => workers().filter((c) => started.has(c));
  const sup: Supervisor = { workers, readyWorkers, ready, restarts: 0, stop };

  function spawnSlot(i: number, delayMs = 0): void {
    setTimeout(() => {
      if (stopping) return;
      const child = fork(WORKER_PATH, [], {
        execArgv: ["--no-node-snapshot", "--import", import.meta.resolve("tsx")],
        env: { ...process.env, ...opts.env },
        stdio: opts.stdio === "ignore" ? ["ignore", "ignore", "ignore", "ipc"] : "inherit",
      });
      slots[i] = child;
      const startedAt = Date.now();
      lastBeat.set(child, startedAt);
      let counted = false;
      ownerOf.set(child, `${os.hostname()}:${child.pid}`);
      child.on("message", (m: { type?: string; id?: string; owner?: string }) => {
        lastBeat.set(child, Date.now());
        if (m?.type === "settled" && m.owner) unsettled.delete(m.owner);
        if (m?.type === "ready" && !counted) {
          counted = true;
          if (m.id) ownerOf.set(child, m.id);
          started.add(child);
          if (++readyCount === n) resolveReady();
          askToSettle();
        }
      });
      child.on("exit", (code, signal) => {
        lastBeat.delete(child);
        started.delete(child);
        const owner = ownerOf.get(child);
        ownerOf.delete(child);
        // Its jobs are settled by a live worker now, or by the next one to say "ready".
        if (owner && !stopping) {
          unsettled.add(owner);
          askToSettle();
        }
        if (slots[i] === child) slots[i] = undefined;
        if (stopping) return;
        sup.restarts++;
        // Back off when workers die right after starting (e.g. no database), up to 10 s.
        quickDeaths[i] = Date.now() - startedAt < 5000 ? quickDeaths[i] + 1 : 0;
        const delay = Math.min(10_000, 100 * 2 ** quickDeaths[i]);
        log(`worker ${child.pid} exited (${signal ?? code}); restarting in ${delay} ms`);
        spawnSlot(i, delay);
      });
    }, delayMs);
  }

  const watchdog = setInterval(
    () => {
      const now = Date.now();
      for (const child of slots) {
        if (!child) continue;
        const t = lastBeat.get(child) ?? now;
        // A worker still starting up (tsx, the catalogue, the database check) has STARTUP_TIMEOUT_MS
        // to say "ready"; a loaded machine can take longer than one heartbeat timeout for that.
        const limit = started.has(child) ? timeoutMs : Math.max(timeoutMs, STARTUP_TIMEOUT_MS);
        if (now - t > limit) {
          log(
            `worker ${child.pid} sent no ${started.has(child) ? "heartbeat" : "ready"} for ${now - t} ms; killing it`,
          );
          lastBeat.set(child, now);
          child.kill("SIGKILL");
        }
      }
    },
    Math.min(1000, timeoutMs / 4),
  );

  async function stop(): Promise<void> {
    stopping = true;
    clearInterval(watchdog);
    const alive = slots.filter((c): c is ChildProcess => !!c && c.exitCode === null && c.signalCode === null);
    await Promise.all(
      alive.map(
        (c) =>
          new Promise<void>((resolve) => {
            const hard = setTimeout(() => c.kill("SIGKILL"), 15_000);
            c.once("exit", () => {
              clearTimeout(hard);
              resolve();
            });
            c.kill("SIGTERM");
          }),
      ),
    );
  }

  for (let i = 0; i < n; i++) spawnSlot(i);
  log(`started ${n} worker${n > 1 ? "s" : ""}`);
  return sup;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sup = startSupervisor();
  const shutdown = () => {
    void sup.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
