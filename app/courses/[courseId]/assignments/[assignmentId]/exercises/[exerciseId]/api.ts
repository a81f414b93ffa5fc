/** Browser-side calls to the student API. Errors carry the server's bilingual message. */

import type { DraftView, SubmissionSummary, SubmissionView, Bilingual } from "@/app/_lib/student/types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly bilingual: Bilingual | null,
  ) {
    super(bilingual?.en ?? code);
  }
}

/** One JSON request; a refusal becomes an ApiError with the server's bilingual message. */
export async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
    cache: "no-store",
  });
  if (!res.ok) {
    let body: { error?: string; message?: Bilingual } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, body.error ?? `http_${res.status}`, body.message ?? null);
  }
  return (await res.json()) as T;
}

/** A request that never reached the server or whose answer was lost (fetch rejects): retried with the same body and key. */
async function callRetrying<T>(url: string, init: RequestInit, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call<T>(url, init);
    } catch (e) {
      if (e instanceof ApiError || attempt >= retries) throw e;
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

export type ExerciseApi = ReturnType<typeof exerciseApi>;

export function exerciseApi(courseId: string, assignmentId: string, exerciseId: string) {
  const base = `/api/student/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(assignmentId)}/exercises/${encodeURIComponent(exerciseId)}`;
  return {
    draftUrl: `${base}/draft`,
    saveDraft: (code: string) => call<DraftView>(`${base}/draft`, { method: "PUT", body: JSON.stringify({ code }) }),
    resetDraft: () => call<DraftView>(`${base}/draft`, { method: "DELETE" }),
    run: (code: string) => call<SubmissionView>(`${base}/run`, { method: "POST", body: JSON.stringify({ code }) }),
    /** The scratchpad: `args` is the JSON text the student typed (the server checks it). */
    tryArgs: (code: string, args: string) =>
      call<SubmissionView>(`${base}/try`, { method: "POST", body: JSON.stringify({ code, args }) }),
    /** The same `idempotencyKey` always yields the same submission, however often the request is sent. */
    submit: (code: string, idempotencyKey: string) =>
      callRetrying<SubmissionSummary>(`${base}/submissions`, {
        method: "POST",
        body: JSON.stringify({ code }),
        headers: { "idempotency-key": idempotencyKey },
      }),
    history: () => call<SubmissionSummary[]>(`${base}/submissions`),
  };
}

export const submissionApi = {
  get: (id: string) => call<SubmissionView>(`/api/student/submissions/${encodeURIComponent(id)}`),
  status: (id: string) => call<SubmissionSummary>(`/api/student/submissions/${encodeURIComponent(id)}/status`),
  /** Server-sent events of the submission's status (useSubmission falls back to `status` if it breaks). */
  eventsUrl: (id: string) => `/api/student/submissions/${encodeURIComponent(id)}/events`,
};
