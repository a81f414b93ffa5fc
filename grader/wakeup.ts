/**
 * How an idle grader worker learns that a job may be waiting, without spinning.
 *
 * - PostgreSQL: LISTEN on "gibbs_queue", which the queue tables' triggers NOTIFY when a job is
 *   enqueued or requeued (prisma/migrations-postgresql/…_queue_notify). An idle worker sleeps
 *   until then, waking only every `maxIdleMs` to sweep expired leases.
 * - SQLite: an adaptive backoff: the wait doubles after each empty claim, from MIN_BACKOFF_MS
 *   while jobs flow up to MAX_BACKOFF_MS when the queue stays empty, with one polling lane per process.
 *
 * Usage per lane: `const t = wake.token()` before a claim; after an empty one `await wake.wait(t)`
 * (returns at once if a notification arrived since the token); `wake.worked()` after a job.
 */

import pg from "pg";
import { dbTarget, redactUrl, type Db } from "../prisma/client";

export const QUEUE_CHANNEL = "gibbs_queue";
/** NOTIFYed with the submission's id whenever a submission's status changes (the live status stream). */
export const STATUS_CHANNEL = "gibbs_status";
export const MIN_BACKOFF_MS = 2;
export const MAX_BACKOFF_MS = 200;
/** A lane that waits for another lane's poll still looks on its own this often. */
export const FOLLOWER_MAX_MS = 5_000;
/** A lost LISTEN connection is retried after this long; meanwhile the worker polls with the backoff. */
export const RELISTEN_MS = 1_000;

export interface QueueWakeup {
  /** A mark to pass to `wait`: notifications after it end the wait at once. */
  token(): number;
  /** Waits after an empty claim: until a notification (PostgreSQL), the backoff delay, or `maxIdleMs`. */
  wait(token: number): Promise<void>;
  /** A job was claimed: the next empty claim starts the backoff again from the minimum. */
  worked(): void;
  close(): Promise<void>;
}

export interface WakeupOptions {
  /** Longest idle wait (the worker sweeps expired leases in between). */
  maxIdleMs: number;
  log?: (msg: string) => void;
}

/** The provider's wake-up for `db`'s database. */
export function queueWakeup(db: Db, opts: WakeupOptions): QueueWakeup {
  const { provider, url } = dbTarget(db);
  return provider === "postgresql" ? new ListenWakeup(url, QUEUE_CHANNEL, opts) : new BackoffWakeup(opts.maxIdleMs);
}

/**
 * Wake-ups on a PostgreSQL channel: `wait` ends at the channel's next notification (or `maxIdleMs`);
 * while the LISTEN connection is down it backs off and retries. (PostgreSQL only.)
 */
export function channelWakeup(url: string, channel: string, opts: WakeupOptions): QueueWakeup {
  return new ListenWakeup(url, channel, opts);
}

/**
 * Exponential backoff between empty claims, reset by work. While the queue is empty only one
 * lane of the process polls; the others wait until that lane finds a job (or FOLLOWER_MAX_MS).
 */
class BackoffWakeup implements QueueWakeup {
  private delay = MIN_BACKOFF_MS;
  private polling = false;
  private readonly followers = new Set<() => void>();
  constructor(private readonly maxIdleMs: number) {}
  token(): number {
    return 0;
  }
  async wait(): Promise<void> {
    if (this.polling) return waitFor(this.followers, FOLLOWER_MAX_MS);
    this.polling = true;
    const ms = Math.min(this.delay, this.maxIdleMs);
    this.delay = Math.min(MAX_BACKOFF_MS, this.delay * 2);
    await sleep(ms);
    this.polling = false;
  }
  worked(): void {
    this.delay = MIN_BACKOFF_MS;
    wakeAll(this.followers);
  }
  async close(): Promise<void> {
    wakeAll(this.followers);
  }
}

/** Resolves when `waiters` are woken, or after `ms`. */
function waitFor(waiters: Set<() => void>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    waiters.add(done);
  });
}

function wakeAll(waiters: Set<() => void>): void {
  for (const w of [...waiters]) w();
}

/** LISTEN on a dedicated connection; falls back to the backoff while that connection is down. */
class ListenWakeup implements QueueWakeup {
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  /** Notifications received so far. */
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  private readonly backoff: BackoffWakeup;
  private retry: NodeJS.Timeout | null = null;
  private readonly log: (msg: string) => void;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly opts: WakeupOptions,
  ) {
    this.backoff = new BackoffWakeup(opts.maxIdleMs);
    this.log = opts.log ?? (() => {});
    this.listen();
  }

  private listen(): void {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    this.client = client;
    const lost = (why: string) => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      client.end().catch(() => {});
      if (this.closed) return;
      this.log(`LISTEN ${this.channel} on ${redactUrl(this.url)} lost (${why}); polling until it is back`);
      this.retry = setTimeout(() => this.listen(), RELISTEN_MS);
    };
    client.on("notification", () => this.notify());
    client.on("error", (e) => lost(e.message));
    client.on("end", () => lost("connection closed"));
    client
      .connect()
      .then(() => client.query(`LISTEN ${this.channel}`))
      .then(() => {
        if (this.client !== client) return;
        this.listening = true;
        // Jobs enqueued while we were not listening: look once.
        this.notify();
      })
      .catch((e: Error) => lost(e.message));
  }

  private notify(): void {
    this.generation++;
    wakeAll(this.waiters);
  }

  token(): number {
    return this.generation;
  }

  wait(token: number): Promise<void> {
    if (this.generation !== token) return Promise.resolve();
    if (!this.listening) return this.backoff.wait();
    return waitFor(this.waiters, this.opts.maxIdleMs);
  }

  worked(): void {
    this.backoff.worked();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.listening = false;
    this.notify();
    await client?.end().catch(() => {});
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
