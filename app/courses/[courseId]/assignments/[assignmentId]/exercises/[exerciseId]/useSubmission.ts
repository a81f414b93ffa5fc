"use client";
/**
 * Submit, then follow the submission until it is graded. A submit counts once: while a
 * request is on its way or the last submission is queued or grading, `submit()` does
 * nothing (the button is disabled and the shortcut calls the same function). Every submit
 * carries an Idempotency-Key, and a request that failed on the network is retried with the
 * same key, so the server stores it at most once. The status (queue position, grading, graded)
 * arrives by server-sent events; if the stream breaks, the page polls the status route instead.
 */

import { useCallback, useEffect, useRef, useState } from "react";
import type { SubmissionSummary, SubmissionView } from "@/app/_lib/student/types";
import { submissionApi, type ExerciseApi } from "./api";

const POLL_MS = 250;
/** A stream that sends no status this long (the server sends one at once, then each change) counts as broken. */
const FIRST_EVENT_MS = 5_000;
const SILENT_STREAM_MS = 30_000;

const pending = (s: SubmissionSummary | null) => s !== null && (s.status === "queued" || s.status === "running");

/**
 * Follows a submission's event stream until it is graded ("finished"), the stream breaks ("broken":
 * the caller polls instead) or the page stops following it ("cancelled").
 */
function streamStatus(
  id: string,
  cancelled: () => boolean,
  show: (s: SubmissionSummary) => void,
): Promise<"finished" | "broken" | "cancelled"> {
  if (typeof EventSource === "undefined") return Promise.resolve("broken");
  return new Promise((resolve) => {
    const es = new EventSource(submissionApi.eventsUrl(id));
    const stop = (outcome: "finished" | "broken" | "cancelled") => {
      es.close();
      clearInterval(watch);
      resolve(outcome);
    };
    let silentSince = Date.now();
    let allowedSilence = FIRST_EVENT_MS;
    const watch = setInterval(() => {
      if (cancelled()) stop("cancelled");
      else if (Date.now() - silentSince > allowedSilence) stop("broken");
    }, POLL_MS);
    es.addEventListener("status", (e) => {
      silentSince = Date.now();
      allowedSilence = SILENT_STREAM_MS;
      const s = JSON.parse((e as MessageEvent<string>).data) as SubmissionSummary;
      if (s.status === "graded" || s.status === "error") stop("finished");
      else show(s);
    });
    es.onerror = () => stop("broken");
  });
}

export function useSubmission(
  api: ExerciseApi,
  code: () => string,
  opts: {
    initialLatest: SubmissionView | null;
    initialHistory: SubmissionSummary[];
    attemptsUsed: number;
    onSubmitted: () => void;
    onError: (e: unknown) => void;
  },
) {
  const [submission, setSubmission] = useState<SubmissionView | SubmissionSummary | null>(opts.initialLatest);
  const [sending, setSending] = useState(false);
  const [ms, setMs] = useState<number | null>(null);
  const [history, setHistory] = useState(opts.initialHistory);
  const [used, setUsed] = useState(opts.attemptsUsed);
  /** Synchronous guard: two shortcut presses in one task both see it. */
  const busy = useRef(pending(opts.initialLatest));
  const pollToken = useRef(0);
  const { onSubmitted, onError } = opts;

  const follow = useCallback(
    async (id: string, t0: number) => {
      const token = ++pollToken.current;
      const show = (s: SubmissionSummary) =>
        setSubmission((prev) => (prev && prev.id === id && "result" in prev ? prev : s));
      /** The submission is graded: show its result and the history. */
      const finish = async () => {
        const full = await submissionApi.get(id);
        setMs(Math.round(performance.now() - t0));
        setSubmission(full);
        setHistory(await api.history());
        busy.current = false;
      };
      const streamed = await streamStatus(id, () => token !== pollToken.current, show);
      if (streamed === "cancelled") return;
      if (streamed === "finished") {
        try {
          return await finish();
        } catch {
          // fall back to polling
        }
      }
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (token !== pollToken.current) return;
        try {
          const s = await submissionApi.status(id);
          if (s.status === "graded" || s.status === "error") return await finish();
          show(s);
        } catch {
          // transient: keep polling
        }
      }
    },
    [api],
  );

  useEffect(() => {
    const s = opts.initialLatest;
    if (s && pending(s)) void follow(s.id, performance.now());
    return () => {
      // the token is a counter, not a DOM node: bumping it stops the poll this effect started
      // eslint-disable-next-line react-hooks/exhaustive-deps
      pollToken.current++;
    };
  }, [opts.initialLatest, follow]);

  const submit = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    const t0 = performance.now();
    try {
      const s = await api.submit(code(), crypto.randomUUID());
      setSubmission(s);
      setMs(null);
      setUsed((u) => u + 1);
      onSubmitted();
      setHistory(await api.history());
      void follow(s.id, t0);
    } catch (e) {
      busy.current = false;
      onError(e);
    } finally {
      setSending(false);
    }
  }, [api, code, follow, onSubmitted, onError]);

  return { submission, ms, history, used, inFlight: sending || pending(submission), submit };
}
