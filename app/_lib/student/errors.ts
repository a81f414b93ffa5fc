/**
 * Errors the student API turns into HTTP responses. Each has a stable code;
 * its message comes from the "student" message files (errors.<code>) in
 * both languages, so the API and the pages say the same thing.
 */

import en from "@/app/_i18n/messages/student.en.json";
import zh from "@/app/_i18n/messages/student.zh-CN.json";

export type StudentErrorCode =
  | "not_found"
  | "not_released"
  | "closed"
  | "attempts_exhausted"
  | "rate_limited"
  | "code_too_large"
  | "bad_request"
  | "run_timeout"
  | "submission_pending";

const HTTP_STATUS: Record<StudentErrorCode, number> = {
  not_found: 404,
  not_released: 404,
  closed: 403,
  attempts_exhausted: 403,
  rate_limited: 429,
  code_too_large: 413,
  bad_request: 400,
  run_timeout: 504,
  submission_pending: 409,
};

type Params = Record<string, string | number>;

/** `{name}` placeholders, the ICU subset the message files use for errors. */
function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function errorMessage(code: StudentErrorCode, params: Params = {}): { en: string; zh: string } {
  return {
    en: fill((en.errors as Record<string, string>)[code], params),
    zh: fill((zh.errors as Record<string, string>)[code], params),
  };
}

export class StudentError extends Error {
  readonly status: number;
  constructor(
    readonly code: StudentErrorCode,
    readonly params: Params = {},
  ) {
    super(errorMessage(code, params).en);
    this.name = "StudentError";
    this.status = HTTP_STATUS[code];
  }

  /** The JSON body of the error response: the code, its parameters and the message in both languages. */
  toJSON() {
    return { error: this.code, params: this.params, message: errorMessage(this.code, this.params) };
  }
}

export function notFound(): StudentError {
  return new StudentError("not_found");
}
