/**
 * The headline of a graded submission or run: status, score (after any late
 * penalty), cases passed, the late penalty, each misconception hint once, and a
 * compile error (its location stated once) or grader failure.
 */

import { useLocale, useTranslations } from "next-intl";
import type { Bilingual, SubmissionSummary, SubmissionView } from "@/app/_lib/student/types";
import { pick } from "./CaseResults";
import { formatScore } from "./ValueView";
import styles from "./Results.module.css";

/** The key of a submission's status message: "compile_error" ("Did not compile") rather than "graded" when it did not compile. */
export function statusKey(s: SubmissionSummary | SubmissionView): string {
  return "result" in s && s.result?.status === "compile_error" ? "compile_error" : s.status;
}

/** The matched misconceptions' hints, each once, in case order. */
function distinctHints(submission: SubmissionView): Bilingual[] {
  const seen = new Map<string, Bilingual>();
  for (const c of submission.result?.cases ?? []) if (c.hint) seen.set(c.hintId ?? c.hint.en, c.hint);
  return [...seen.values()];
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
      {distinctHints(submission).map((h, i) => (
        <p key={i} className="alert alert--warn" role="note" data-testid="hint">
          <strong>{t("hint")}</strong> {pick(h, locale)}
        </p>
      ))}
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
