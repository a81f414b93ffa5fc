/**
 * A grading worker: claims jobs from the database queue, grades them in fresh isolates
 * and writes each result once. Run as a process (the supervisor forks it):
 *
 *   node --no-node-snapshot --import tsx grader/worker.ts      # DATABASE_URL selects the DB
 *
 * It sends `{ type: "heartbeat" }` to its parent every HEARTBEAT_MS; the supervisor kills
 * and restarts a worker whose heartbeats stop. SIGTERM: stop claiming, finish the current
 * job (or release it after SHUTDOWN_GRACE_MS) and exit. A sandbox that cannot be
 * interrupted is recorded as an error result, then the process exits to get a clean V8.
 */

import os from "node:os";
import { pathToFileURL } from "node:url";
import { createDb, dbTarget, type Db } from "../prisma/client";
import { assertMigrated } from "../prisma/migrate";
import { exerciseHash, loadCatalogueReport, type ExerciseEntry } from "../exercises/catalogue";
import { storeLoadReport } from "../exercises/store";
import { grade, gradingSeed, prepareCases, type GradeResult } from "./grade";
import { notRunMessage } from "./feedback";
import { STOPPED_THE_GRADER } from "./messages";
import type { PhaseClock } from "./phaseClock";
import type { ExerciseSpec } from "./spec";
import {
  DEFAULT_LEASE_MS,
  LeaseLostError,
  claimRegradeItem,
  claimSubmission,
  completeRegradeItem,
  completeSubmission,
  failJob,
  hasQueuedJobs,
  penaliseStudent,
  releaseJob,
  renewLease,
  settleDeadWorker,
  sweepExpiredLeases,
  type Job,
  type SubmissionJob,
} from "./queue";
import { SandboxHungError, warmSandbox } from "./sandbox/sandbox";
import { ResultWriter } from "./resultWriter";
import { queueWakeup, type QueueWakeup } from "./wakeup";

export const HEARTBEAT_MS = 250;
/** A busy worker sweeps expired leases about this often. */
export const SWEEP_EVERY_MS = 1000;
/**
 * An idle worker (nothing claimed for this long) sweeps only this often; on PostgreSQL it
 * sleeps until NOTIFY and wakes this often only for that sweep.
 */
export const IDLE_SWEEP_MS = 5000;
export const SHUTDOWN_GRACE_MS = 10_000;
/**
 * A worker whose loop has not moved for this long is stuck (e.g. a promise that never
 * settles): it stops sending heartbeats, so the supervisor kills and restarts it, and its
 * job's lease expires and the job is regraded. Longer than any job's time budget.
 */
export const STALL_MS = Number(process.env.GIBBS_GRADER_STALL_MS) || 60_000;

export interface WorkerOptions {
  db: Db;
  catalogue: Map<string, ExerciseEntry>;
  /** Slugs of exercises this process could not load: their jobs are left queued. */
  broken?: string[];
  id?: string;
  leaseMs?: number;
  /** How idle lanes wait for work (default: LISTEN/NOTIFY on PostgreSQL, a backoff on SQLite). */
  wakeup?: QueueWakeup;
  /**
   * Jobs graded at once in this process (default 2). One job's main thread is often idle,
   * waiting for its isolate's thread or esbuild; a second job fills that time.
   */
  inFlight?: number;
  /** Lapped at each phase of each job (the bench's CPU profile; exact with `inFlight: 1`). */
  clock?: PhaseClock;
  log?: (msg: string) => void;
}

export class GradingWorker {
  readonly id: string;
  private readonly db: Db;
  private readonly catalogue: Map<string, ExerciseEntry>;
  private readonly broken: string[];
  private readonly leaseMs: number;
  private wakeup: QueueWakeup | undefined;
  private readonly log: (msg: string) => void;
  private readonly versions = new Map<string, { slug: string; hash: string; createdAt: Date }>();
  private readonly startedAt = new Date();
  private stopping = false;
  /** Jobs being graded → when each was claimed. */
  private readonly current = new Map<Job, number>();
  private readonly inFlight: number;
  private lastSweep = 0;
  private lastClaimAt = 0;
  private idle = false;
  private readonly probeWhenIdle: boolean;
  private readonly clock: PhaseClock | undefined;
  /** Lanes claiming or grading a job now (their results still to come). */
  private busy = 0;
  private readonly writer: ResultWriter;
  /** Results waiting in the writer, with their jobs' clean-up. */
  private readonly recording = new Set<Promise<void>>();
  /** Set when an isolate could not be interrupted: the process should exit. */
  hung = false;
  /** Set when the exercise folders changed under this process: exit so the supervisor restarts it. */
  restart = false;
  graded = 0;
  /** Last time the loop made progress (claimed, finished or found the queue empty). */
  lastProgressAt = Date.now();

  constructor(opts: WorkerOptions) {
    this.db = opts.db;
    this.catalogue = opts.catalogue;
    this.broken = opts.broken ?? [];
    this.id = opts.id ?? `${os.hostname()}:${process.pid}`;
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    this.wakeup = opts.wakeup;
    this.probeWhenIdle = dbTarget(opts.db).provider === "sqlite";
    this.inFlight = Math.max(1, opts.inFlight ?? 2);
    this.clock = opts.clock;
    this.writer = new ResultWriter(this.db, this.id, this.inFlight, () => this.busy);
    this.log = opts.log ?? ((m) => console.log(`[grader ${this.id}] ${m}`));
  }

  /**
   * Claims and grades one job and records its result (in the background while a neighbour job is
   * being graded). Returns false when the queue was empty.
   */
  async runOnce(): Promise<boolean> {
    this.clock?.mark();
    const sweepEvery = Date.now() - this.lastClaimAt > IDLE_SWEEP_MS ? IDLE_SWEEP_MS : SWEEP_EVERY_MS;
    if (Date.now() - this.lastSweep > sweepEvery) {
      this.lastSweep = Date.now();
      const s = await sweepExpiredLeases(this.db);
      if (s.requeued || s.failed) this.log(`expired leases: ${s.requeued} requeued, ${s.failed} failed for good`);
      this.clock?.lap("sweep");
    }
    // A lane is busy from its claim to its result: a neighbour's result waits for it (resultWriter.ts).
    this.busy++;
    let job: Job | null = null;
    try {
      job = await this.claim();
    } finally {
      if (!job) {
        this.busy--;
        this.writer.consider();
      }
    }
    this.clock?.lap("claim");
    this.lastProgressAt = Date.now();
    this.idle = !job;
    if (!job) return false;
    this.lastClaimAt = Date.now();
    const hold = this.hold(job);
    let result: GradeResult;
    try {
      result = await this.gradeJob(job);
    } catch (err) {
      await this.failed(job, err).finally(() => hold.release());
      return true;
    } finally {
      this.busy--;
      this.writer.consider();
    }
    result.timings.workerRssPeakMb = hold.rssPeakMb();
    const recorded = this.record(job, result).finally(() => hold.release());
    // Write-behind while a neighbour job is being graded: this lane claims its next job while the
    // result waits to be written with the neighbour's (resultWriter.ts).
    if (job.type === "submission" && !result.hung && this.busy > 0) {
      this.recording.add(recorded);
      void recorded.finally(() => this.recording.delete(recorded));
    } else await recorded;
    return true;
  }

  /**
   * Holds a claimed job until its result is written: renews its lease and samples the process's
   * resident memory (shared with a neighbour job, if any) while it runs.
   */
  private hold(job: Job): { rssPeakMb(): number; release(): void } {
    const renew = setInterval(
      () => {
        // A stalled worker stops renewing, so its job goes back to the queue.
        if (this.stalled()) return;
        renewLease(this.db, job, this.id, this.leaseMs).catch((e) => this.log(`lease renewal failed: ${e}`));
      },
      Math.max(50, this.leaseMs / 3),
    );
    let rssPeak = process.memoryUsage.rss();
    const sampleRss = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 50);
    return {
      rssPeakMb: () => Math.round(Math.max(rssPeak, process.memoryUsage.rss()) / 2 ** 20),
      release: () => {
        clearInterval(renew);
        clearInterval(sampleRss);
        this.current.delete(job);
        this.lastProgressAt = Date.now();
      },
    };
  }

  /** Writes a graded job's result (a submission's through the group writer, unless its sandbox hung). */
  private async record(job: Job, result: GradeResult): Promise<void> {
    try {
      if (job.type === "submission" && result.hung) {
        // The process ends itself after recording this: the student's next jobs wait behind everyone
        // else's (marked while this job still runs, so no other worker claims the next one before).
        await penaliseStudent(this.db, job.id, job.userId);
        await completeSubmission(this.db, job, this.id, result);
      } else if (job.type === "submission") {
        if (!(await this.writer.write(job, result))) throw new LeaseLostError(job.id);
      } else await completeRegradeItem(this.db, job, this.id, result);
      this.clock?.lap("write");
      this.graded++;
      if (result.hung) this.hung = true;
    } catch (err) {
      await this.failed(job, err);
    }
  }

  /** A job that could not be graded or recorded: given back, or failed for this attempt (see failJob). */
  private async failed(job: Job, err: unknown): Promise<void> {
    if (err instanceof LeaseLostError) this.log(err.message);
    else if (err instanceof StaleCatalogueError) {
      this.log(err.message);
      await releaseJob(this.db, job, this.id);
      this.restart = true;
    } else {
      // A sandbox that could not be interrupted: exit for a clean V8 after releasing the attempt.
      if (err instanceof SandboxHungError) this.hung = true;
      this.log(`job ${job.type} ${job.id} failed: ${(err as Error)?.stack ?? String(err)}`);
      await failJob(this.db, job, this.id, String((err as Error)?.message ?? err)).catch(() => {});
    }
  }

  /** Claims run one at a time per process, so that a job to be graded alone never gets a neighbour. */
  private claiming: Promise<unknown> = Promise.resolve();

  /**
   * Claims the next job for a lane and records it as current. A job marked `solo` is claimed only
   * while nothing else runs here, and nothing else is claimed while it runs.
   */
  private claim(): Promise<Job | null> {
    const next = this.claiming.then(async (): Promise<Job | null> => {
      if ([...this.current.keys()].some((j) => j.type === "submission" && j.solo)) return null;
      // Polling while idle (SQLite: the last claim found nothing): one cheap read before the two claim
      // statements. On PostgreSQL an idle lane wakes on NOTIFY, which already says a job is there.
      if (this.idle && this.probeWhenIdle && !(await hasQueuedJobs(this.db))) return null;
      const job =
        (await claimSubmission(this.db, this.id, this.leaseMs, {
          solo: this.current.size === 0,
          skipSlugs: this.broken,
        })) ?? (await claimRegradeItem(this.db, this.id, this.leaseMs, { skipSlugs: this.broken }));
      if (job) this.current.set(job, Date.now());
      return job;
    });
    this.claiming = next.catch(() => {});
    return next;
  }

  /**
   * Settles the jobs of a dead worker of this machine (the supervisor names it; see settleDeadWorker)
   * and finishes those that reached MAX_KILLS as the student's failure.
   */
  async settleDead(deadOwner: string): Promise<void> {
    const s = await settleDeadWorker(this.db, deadOwner, this.id, this.leaseMs);
    if (s.charged.length || s.solo.length || s.stopped.length)
      this.log(
        `worker ${deadOwner} died: kill charged to ${s.charged.length}, ${s.solo.length} to grade alone, ${s.stopped.length} stopped for good`,
      );
    for (const job of s.stopped) {
      const v = await this.versionOf(job.exerciseVersionId);
      const entry = this.catalogue.get(v.slug);
      if (!entry) {
        await failJob(this.db, job, this.id, `exercise "${v.slug}" is not in this worker's catalogue`);
        continue;
      }
      await completeSubmission(this.db, job, this.id, stoppedTheGrader(entry.spec, job));
    }
  }

  /** True when the loop has not moved for STALL_MS (see STALL_MS). */
  stalled(): boolean {
    const now = Date.now();
    for (const since of this.current.values()) if (now - since > STALL_MS) return true;
    return now - this.lastProgressAt > STALL_MS;
  }

  private async gradeJob(job: Job): Promise<GradeResult> {
    const v = await this.versionOf(job.exerciseVersionId);
    const entry = this.catalogue.get(v.slug);
    if (!entry) throw new Error(`exercise "${v.slug}" is not in this worker's catalogue`);
    this.clock?.lap("load");
    // A version synced after this worker started whose content differs from the loaded files:
    // this process has stale specs (ES modules cannot be reloaded), so hand the job back and restart.
    if (v.createdAt > this.startedAt && v.hash !== this.loadedHash(entry)) throw new StaleCatalogueError(v.slug);
    if (job.type === "submission" && job.kind === "try")
      return grade({
        spec: entry.spec,
        code: job.code,
        mode: "try",
        args: JSON.parse(job.tryArgs ?? "[]") as unknown[],
        clock: this.clock,
      });
    return grade({
      spec: entry.spec,
      code: job.code,
      mode: job.type === "submission" ? job.kind : "submit",
      clock: this.clock,
    });
  }

  private readonly hashes = new Map<ExerciseEntry, string>();
  private loadedHash(entry: ExerciseEntry): string {
    let h = this.hashes.get(entry);
    if (!h) this.hashes.set(entry, (h = exerciseHash(entry)));
    return h;
  }

  private async versionOf(versionId: string): Promise<{ slug: string; hash: string; createdAt: Date }> {
    const hit = this.versions.get(versionId);
    if (hit) return hit;
    const v = await this.db.exerciseVersion.findUnique({
      where: { id: versionId },
      select: { hash: true, createdAt: true, exercise: { select: { slug: true } } },
    });
    if (!v) throw new Error(`exercise version ${versionId} does not exist`);
    const info = { slug: v.exercise.slug, hash: v.hash, createdAt: v.createdAt };
    this.versions.set(versionId, info);
    return info;
  }

  /** Grades until stop() (or until the sandbox hangs), `inFlight` jobs at a time. */
  async loop(): Promise<void> {
    const wakeup = (this.wakeup ??= queueWakeup(this.db, { maxIdleMs: IDLE_SWEEP_MS, log: this.log }));
    try {
      await Promise.all(Array.from({ length: this.inFlight }, (_, k) => sleep(k * 3).then(() => this.lane(wakeup))));
    } finally {
      await Promise.allSettled([...this.recording]);
      await wakeup.close();
    }
  }

  private async lane(wakeup: QueueWakeup): Promise<void> {
    while (!this.stopping && !this.hung && !this.restart) {
      const token = wakeup.token();
      let worked = false;
      try {
        worked = await this.runOnce();
      } catch (err) {
        this.log(`queue error: ${(err as Error)?.message ?? err}`);
        await sleep(500);
      }
      if (worked) wakeup.worked();
      else if (!this.stopping) await wakeup.wait(token);
    }
  }

  /** Graceful stop: no new claims; the current job finishes, or is released after `graceMs`. */
  async stop(graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
    this.stopping = true;
    await this.wakeup?.close();
    const deadline = Date.now() + graceMs;
    while (this.current.size && Date.now() < deadline) await sleep(20);
    for (const job of this.current.keys()) await releaseJob(this.db, job, this.id);
  }
}

export class StaleCatalogueError extends Error {
  constructor(slug: string) {
    super(`exercise "${slug}" has a newer version in the database than this worker loaded; restarting to load it`);
    this.name = "StaleCatalogueError";
  }
}

/** The result of a submission whose code stopped its worker MAX_KILLS times: every case failed, a graded attempt. */
export function stoppedTheGrader(spec: ExerciseSpec, job: SubmissionJob): GradeResult {
  const mode = job.kind === "run" ? "run" : "submit";
  const cases = prepareCases(spec, mode);
  const timings = { transpileMs: 0, isolateMs: 0, runMs: 0, compareMs: 0 };
  const message = STOPPED_THE_GRADER(job.kills);
  return {
    exercise: spec.slug,
    mode,
    seed: gradingSeed(spec),
    status: "error",
    score: 0,
    maxScore: cases.reduce((s, c) => s + c.maxScore, 0),
    message,
    cases: cases.map((c) => ({
      name: c.name,
      visibility: c.visibility,
      status: "failed",
      score: 0,
      max_score: c.maxScore,
      message: notRunMessage(message),
      input: c.args,
      expected: c.expected,
      timings,
    })),
    timings: { ...timings, totalMs: 0 },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------- process entry

async function main(): Promise<void> {
  await assertMigrated();
  const db = createDb();
  // WAL + synchronous=NORMAL: a commit may be lost only on an OS crash/power loss, and then the
  // whole result transaction is lost with it; the job stays leased, expires and is regraded.
  if (dbTarget(db).provider === "sqlite") await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  // Each exercise loads on its own: a broken one is reported to staff and its jobs wait; the rest grade.
  const [load] = await Promise.all([loadCatalogueReport(process.env.GIBBS_EXERCISES_DIR), warmSandbox()]);
  for (const b of load.broken) console.error(`[grader] exercises/${b.folder} did not load; its jobs wait: ${b.error}`);
  await storeLoadReport(db, load);
  const worker = new GradingWorker({
    db,
    catalogue: load.entries,
    broken: load.broken.flatMap((b) => (b.slug ? [b.slug] : [])),
    leaseMs: process.env.GIBBS_GRADER_LEASE_MS ? Number(process.env.GIBBS_GRADER_LEASE_MS) : undefined,
    inFlight: process.env.GIBBS_GRADER_IN_FLIGHT ? Number(process.env.GIBBS_GRADER_IN_FLIGHT) : undefined,
  });
  // Heartbeat = alive AND making progress; the supervisor kills a worker whose heartbeats stop.
  const beat = setInterval(() => {
    if (!worker.stalled()) process.send?.({ type: "heartbeat", graded: worker.graded });
  }, HEARTBEAT_MS);
  // The supervisor names workers of this machine that died, for any live worker to settle their jobs.
  process.on("message", (m: { type?: string; owner?: string }) => {
    if (m?.type !== "dead" || !m.owner) return;
    const owner = m.owner;
    worker
      .settleDead(owner)
      .then(() => process.send?.({ type: "settled", owner }))
      .catch((e) => console.error(`[grader ${worker.id}] settling ${owner} failed: ${e}`));
  });
  process.send?.({ type: "ready", id: worker.id });
  let exiting = false;
  const shutdown = async () => {
    if (exiting) return;
    exiting = true;
    await worker.stop();
    clearInterval(beat);
    await db.$disconnect();
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT", "disconnect"] as const) process.on(signal, () => void shutdown());
  await worker.loop();
  if (worker.restart) process.exit(0);
  if (worker.hung) {
    console.error(`[grader ${worker.id}] a sandbox could not be interrupted; exiting for a clean restart`);
    // process.exit() would wait for the stuck isolate thread (isolated-vm joins its isolates at exit);
    // the result is already written, so end the process at once.
    clearInterval(beat);
    process.kill(process.pid, "SIGKILL");
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
