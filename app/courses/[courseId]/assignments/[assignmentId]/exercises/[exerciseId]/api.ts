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

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
    cache: "no-store",
  });
  if (!res.ok) {
    let body: { error?: string; message?: Bilingual } = {};
    try {
      body = await res.json();
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, body.error ?? `http_${res.status}`, body.message ?? null);
  }
  return (await res.json()) as T;
}

export function exerciseApi(courseId: string, assignmentId: string, exerciseId: string) {
  const base = `/api/student/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(assignmentId)}/exercises/${encodeURIComponent(exerciseId)}`;
  return {
    saveDraft: (code: string) => call<DraftView>(`${base}/draft`, { method: "PUT", body: JSON.stringify({ code }) }),
    resetDraft: () => call<DraftView>(`${base}/draft`, { method: "DELETE" }),
    run: (code: string) => call<SubmissionView>(`${base}/run`, { method: "POST", body: JSON.stringify({ code }) }),
    submit: (code: string) =>
      call<SubmissionSummary>(`${base}/submissions`, { method: "POST", body: JSON.stringify({ code }) }),
    history: () => call<SubmissionSummary[]>(`${base}/submissions`),
  };
}

export const submissionApi = {
  get: (id: string) => call<SubmissionView>(`/api/student/submissions/${encodeURIComponent(id)}`),
  status: (id: string) => call<SubmissionSummary>(`/api/student/submissions/${encodeURIComponent(id)}/status`),
};
