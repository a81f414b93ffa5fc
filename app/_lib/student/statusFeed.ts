/**
 * Live submission status for the exercise page (issue 14): one query loop per web process, however
 * many pages are watching, and a server-sent-events response per page.
 *
 * The loop reads every watched submission in one query (and the queue position of those still
 * queued) and tells each page only what changed. It wakes on NOTIFY "gibbs_status" on PostgreSQL
 * (a trigger sends it when a submission's status changes; positions are refreshed at least every
 * PG_REFRESH_MS) and polls every SQLITE_POLL_MS on SQLite, whose workers are other processes.
 * Access is checked by the route before a page is subscribed.
 */

import { databaseProvider, databaseUrl, type Db } from "@/prisma/client";
import { queuePositions } from "@/grader/queue";
import { STATUS_CHANNEL, channelWakeup, type QueueWakeup } from "@/grader/wakeup";
import type { SubmissionSummary } from "./types";
import { submissionSummary } from "./view";

export const SQLITE_POLL_MS = 250;
export const PG_REFRESH_MS = 2_000;
/** Refreshes are at least this far apart, however many notifications arrive (a deadline surge). */
export const MIN_REFRESH_GAP_MS = 50;
/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

export type StatusListener = (s: SubmissionSummary) => void;

const finished = (s: SubmissionSummary) => s.status === "graded" || s.status === "error";

export class StatusFeed {
  private readonly watched = new Map<string, { listeners: Set<StatusListener>; last: string }>();
  private looping = false;
  private wakeup: QueueWakeup | null = null;
  private nudge: (() => void) | null = null;
  /** Queries made by the loop so far (one per refresh, plus one per queued submission). */
  refreshes = 0;

  /** `url` is `db`'s database (given, not looked up: the Next server may bundle prisma/client twice). */
  constructor(
    private readonly db: Db,
    private readonly url: string,
  ) {}

  /** Calls `listener` with the submission's status now and at every change; returns the unsubscribe. */
  watch(submissionId: string, listener: StatusListener): () => void {
    let w = this.watched.get(submissionId);
    if (!w) this.watched.set(submissionId, (w = { listeners: new Set(), last: "" }));
    w.listeners.add(listener);
    // A new page gets the current status at once (the last one the loop saw, or the next refresh).
    w.last = "";
    this.nudge?.();
    if (!this.looping) this.start();
    return () => {
      const cur = this.watched.get(submissionId);
      cur?.listeners.delete(listener);
      if (cur && cur.listeners.size === 0) this.watched.delete(submissionId);
    };
  }

  private async loop(): Promise<void> {
    this.looping = true;
    try {
      if (databaseProvider(this.url) === "postgresql")
        this.wakeup = channelWakeup(this.url, STATUS_CHANNEL, { maxIdleMs: PG_REFRESH_MS });
      while (this.watched.size) {
        const token = this.wakeup?.token() ?? 0;
        try {
          await this.refresh();
        } catch {
          // the database is briefly unreachable: the pages keep their last status; try again
        }
        if (!this.watched.size) break;
        await sleep(MIN_REFRESH_GAP_MS);
        await new Promise<void>((resolve) => {
          this.nudge = resolve;
          if (this.wakeup) void this.wakeup.wait(token).then(resolve);
          else setTimeout(resolve, SQLITE_POLL_MS - MIN_REFRESH_GAP_MS);
        });
        this.nudge = null;
      }
    } finally {
      this.looping = false;
      const w = this.wakeup;
      this.wakeup = null;
      await w?.close();
      // a page subscribed while the loop was closing
      if (this.watched.size) this.start();
    }
  }

  private start(): void {
    this.loop().catch((e) => console.error(`[status feed] ${(e as Error)?.message ?? e}`));
  }

  private async refresh(): Promise<void> {
    const ids = [...this.watched.keys()];
    this.refreshes++;
    const rows = await this.db.submission.findMany({ where: { id: { in: ids } } });
    const queued = rows.filter((r) => r.status === "queued");
    const positions = new Map((await queuePositions(this.db, queued)).map((p, i) => [queued[i].id, p]));
    for (const row of rows) {
      const w = this.watched.get(row.id);
      if (!w) continue;
      const s = submissionSummary(row);
      const queue = positions.get(row.id);
      const shown = queue ? { ...s, queue } : s;
      const key = JSON.stringify(shown);
      if (key === w.last) continue;
      w.last = key;
      for (const l of [...w.listeners]) l(shown);
    }
  }
}

const feeds = new WeakMap<Db, StatusFeed>();

/** The process's one feed for `db` (the database at DATABASE_URL). */
export function statusFeed(db: Db): StatusFeed {
  let f = feeds.get(db);
  if (!f) feeds.set(db, (f = new StatusFeed(db, databaseUrl())));
  return f;
}

/**
 * The event stream of one submission's status: an `event: status` with the SubmissionSummary at once
 * and at each change, until it is graded or failed (then the stream ends), with heartbeat comments,
 * and the headers that keep proxies (nginx: X-Accel-Buffering) and compressors from buffering it.
 */
export function statusEventStream(
  feed: StatusFeed,
  submissionId: string,
  signal: AbortSignal,
  opts: { heartbeatMs?: number } = {},
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (!open) return;
        open = false;
        cleanup();
        controller.close();
      };
      // the browser reconnects after this long if the connection drops
      send(": status stream\nretry: 2000\n\n");
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), opts.heartbeatMs ?? HEARTBEAT_MS);
      const unwatch = feed.watch(submissionId, (s) => {
        send(`event: status\ndata: ${JSON.stringify(s)}\n\n`);
        if (finished(s)) close();
      });
      cleanup = () => {
        clearInterval(heartbeat);
        unwatch();
        signal.removeEventListener("abort", close);
      };
      signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
