"use client";
/** Run: grades the visible cases (no attempt spent) and keeps the latest result and how long it took. */

import { useCallback, useRef, useState } from "react";
import type { SubmissionView } from "@/app/_lib/student/types";
import type { ExerciseApi } from "./api";

export interface RunState {
  running: boolean;
  result: SubmissionView | null;
  ms: number | null;
  /** Completed runs on this page (lets tests and assistive tech tell a new result from the last one). */
  seq: number;
}

export function useRun(api: ExerciseApi, code: () => string, onError: (e: unknown) => void) {
  const [state, setState] = useState<RunState>({ running: false, result: null, ms: null, seq: 0 });
  const busy = useRef(false);
  const run = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setState((s) => ({ ...s, running: true }));
    const t0 = performance.now();
    try {
      const result = await api.run(code());
      setState((s) => ({ running: false, result, ms: Math.round(performance.now() - t0), seq: s.seq + 1 }));
    } catch (e) {
      setState((s) => ({ ...s, running: false }));
      onError(e);
    } finally {
      busy.current = false;
    }
  }, [api, code, onError]);
  return { ...state, run };
}
