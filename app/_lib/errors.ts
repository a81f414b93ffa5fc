/**
 * The two errors every data function, context and adapter speaks (framework-free):
 *
 * - `AccessError`: signed out, or not allowed. Not enrolled, wrong role, another course's or
 *   another student's row, an unreleased assignment: all of these are "not found", so a
 *   refusal reveals nothing. The adapters (./adapters.ts) answer 404 (or 401 / sign-in when signed out).
 * - `InputError`: a request Gibbs refuses, or cannot complete now, with a message the user sees in
 *   both languages. Its code is a key of `errors` in the student or staff message files.
 */

import studentEn from "@/app/_i18n/messages/student.en.json";
import studentZh from "@/app/_i18n/messages/student.zh-CN.json";
import staffEn from "@/app/_i18n/messages/staff.en.json";
import staffZh from "@/app/_i18n/messages/staff.zh-CN.json";
import peopleEn from "@/app/_i18n/messages/people.en.json";
import peopleZh from "@/app/_i18n/messages/people.zh-CN.json";
import type { Bilingual } from "@/grader/messages";

export type { Bilingual };

export type AccessReason = "signed_out" | "not_found";

export class AccessError extends Error {
  /** 401 when signed out, else 404: never "forbidden". */
  readonly status: number;
  readonly code: AccessReason;
  constructor(
    reason: AccessReason = "not_found",
    /** What was not found, for logs only (never shown: the answer is the same for everything). */
    what = "",
  ) {
    super(what ? `${reason}: ${what}` : reason);
    this.name = "AccessError";
    this.code = reason;
    this.status = reason === "signed_out" ? 401 : 404;
  }

  toJSON() {
    return { error: this.code, params: {}, message: errorMessage(this.code) };
  }
}

type StudentCode = keyof typeof studentEn.errors;
type StaffCode = Exclude<keyof typeof staffEn.errors, "title" | "notFound">;
type PeopleCode = keyof typeof peopleEn.errors;
export type InputErrorCode = Exclude<StudentCode, "not_found" | "signed_out" | "not_released"> | StaffCode | PeopleCode;
type Params = Record<string, string | number>;

/** HTTP status of each refusal; 400 unless listed. */
const STATUS: Partial<Record<InputErrorCode, number>> = {
  closed: 403,
  attempts_exhausted: 403,
  rate_limited: 429,
  queue_full: 429,
  code_too_large: 413,
  run_timeout: 504,
  submission_pending: 409,
  cross_site: 403,
  not_json: 415,
  regradePending: 409,
  regradeRunning: 409,
  regradeClosed: 409,
  exerciseHasSubmissions: 409,
  lastInstructor: 409,
  requestOpen: 409,
  requestClosed: 409,
};

export class InputError extends Error {
  readonly status: number;
  constructor(
    readonly code: InputErrorCode,
    readonly params: Params = {},
    /** Detail for logs (e.g. the CSV parser's complaint); the user sees the message of `code`. */
    detail?: string,
  ) {
    super(detail ?? errorMessage(code, params).en);
    this.name = "InputError";
    this.status = STATUS[code] ?? 400;
  }

  /** The JSON body of the error response: the code, its parameters and the message in both languages. */
  toJSON() {
    return { error: this.code, params: this.params, message: errorMessage(this.code, this.params) };
  }
}

/** `{name}` placeholders, the ICU subset the message files use for errors. */
function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const MESSAGES: { en: Record<string, string>; zh: Record<string, string> } = {
  en: { ...staffEn.errors, ...studentEn.errors, ...peopleEn.errors },
  zh: { ...staffZh.errors, ...studentZh.errors, ...peopleZh.errors },
};

/** The message of an error code in both languages. */
export function errorMessage(code: InputErrorCode | AccessReason, params: Params = {}): Bilingual {
  return { en: fill(MESSAGES.en[code], params), zh: fill(MESSAGES.zh[code], params) };
}
