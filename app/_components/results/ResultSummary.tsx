/**
 * The headline of a graded submission or run: status, score (after any late
 * penalty), cases passed, the late penalty, the misconception hint (once), and a
 * compile error (its location stated once) or grader failure.
 */

import { useLocale, useTranslations } from "next-intl";
import type { SubmissionSummary, SubmissionView } from "@/app/_lib/student/types";
import { pick } from "./CaseResults";
import { formatScore } from "./ValueView";
import styles from "./Results.module.css";

/** The key of a submission's status message: "compile_error" ("Did not compile") rather than "graded" when it did not compile. */
export function statusKey(s: SubmissionSummary | SubmissionView): string {
  return "result" in s && s.result?.status === "compile_error" ? "compile_error" : s.status;
}

export function ResultSummary({ submission }: { submission: SubmissionView }) {
  const t = useTranslations("student.results");
  const locale = useLocale();
  const r = submission.result;
  if (submission.status === "error") {
    return (
      <p className="alert alert--error" role="alert">
        {t("gradingFailed")}
      </p>
    );
  }
  if (!r) return <p className="muted">{t(`status.${submission.status}`)}</p>;
  const full = r.score >= r.maxScore - 1e-9;
  return (
    <div className={styles.summaryBox} data-testid="result-summary" data-result-status={r.status}>
      {submission.kind === "submit" && submission.score !== null ? (
        <p className={styles.bigScore}>
          <span>{t("score")}</span>{" "}
          <strong
            data-testid="score"
            className={full ? styles.fullScore : undefined}
            title={`${submission.score} / ${r.maxScore}`}
          >
            {formatScore(submission.score)} / {formatScore(r.maxScore)}
          </strong>
        </p>
      ) : null}
      <p>
        {t("casesPassed", { passed: r.passed, total: r.total })}
        {submission.latePenalty > 0 ? (
          <span className={`badge ${styles.late}`}>
            {" "}
            {t("latePenalty", {
              days: submission.lateDays,
              percent: Math.round(submission.latePenalty * 100),
              raw: formatScore(r.score),
            })}
          </span>
        ) : null}
      </p>
      {r.hint ? (
        <p className="alert alert--warn" role="note" data-testid="hint" data-hint-id={r.hint.id}>
          <strong>{t("hint")}</strong> {pick(r.hint.message, locale)}
        </p>
      ) : null}
      <FailureNote result={r} />
    </div>
  );
}

/** A compile error (its location stated once) or a load failure; nothing when the code ran. */
export function FailureNote({ result: r }: { result: NonNullable<SubmissionView["result"]> }) {
  const t = useTranslations("student.results");
  const locale = useLocale();
  return r.compileError ? (
    <p className="alert alert--error" role="alert" data-testid="compile-error">
      {r.compileError.line ? (
        <strong>{t("compileErrorAt", { line: r.compileError.line, column: r.compileError.column ?? 1 })} </strong>
      ) : null}
      <span className={styles.pre}>{pick(r.compileError.message, locale)}</span>
    </p>
  ) : r.status !== "ok" && r.message ? (
    <p className="alert alert--error" role="alert">
      <span className={styles.pre}>{pick(r.message, locale)}</span>
    </p>
  ) : null;
}
