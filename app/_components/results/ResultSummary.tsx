/**
 * The headline of a graded submission or run: status, score (after any late
 * penalty), cases passed, the late penalty, and a compile error or grader failure.
 */

import { useLocale, useTranslations } from "next-intl";
import type { SubmissionView } from "@/app/_lib/student/types";
import { pick } from "./CaseResults";
import { formatNumber } from "./ValueView";
import styles from "./Results.module.css";

export function ResultSummary({ submission }: { submission: SubmissionView }) {
  const t = useTranslations("student.results");
  const locale = useLocale();
  const r = submission.result;
  if (submission.status === "error") {
    return (
      <p className="alert alert--error" role="alert">
        {t("gradingFailed")} {submission.lastError ? <code>{submission.lastError}</code> : null}
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
          <strong data-testid="score" className={full ? styles.fullScore : undefined}>
            {formatNumber(submission.score)} / {formatNumber(r.maxScore)}
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
              raw: formatNumber(r.score),
            })}
          </span>
        ) : null}
      </p>
      {r.compileError ? (
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
      ) : null}
    </div>
  );
}
