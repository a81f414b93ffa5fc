/**
 * Per-case results of a grading: pass/fail, score, the grader's message (the
 * misconception hint is the result's, shown once by its page), and — when the case's details may be shown — the inputs,
 * expected and actual values side by side (mismatches highlighted) and the console.
 * Reused by the staff pages (which pass unredacted cases in the same shape).
 */

import { useLocale, useTranslations } from "next-intl";
import type { Bilingual, CaseView } from "@/app/_lib/student/types";
import { formatScore, ValueView } from "./ValueView";
import styles from "./Results.module.css";

export function pick(b: Bilingual, locale: string): string {
  return locale === "zh-CN" ? b.zh : b.en;
}

export function CaseResults({
  cases,
  argNames,
  openFailed = true,
}: {
  cases: CaseView[];
  argNames?: string[];
  openFailed?: boolean;
}) {
  const t = useTranslations("student.results");
  const locale = useLocale();
  return (
    <ol className={styles.cases} aria-label={t("casesLabel")}>
      {cases.map((c) => {
        const ok = c.status === "passed";
        return (
          <li
            key={c.position}
            className={`${styles.case} ${ok ? styles.passed : styles.failed}`}
            data-status={c.status}
            data-visibility={c.visibility}
          >
            <details open={!ok && openFailed && c.detail !== undefined}>
              <summary className={styles.summary}>
                <span className={styles.status}>{ok ? `✓ ${t("passed")}` : `✗ ${t("failed")}`}</span>
                <span className={styles.name}>{pick(c.name, locale)}</span>
                <span className={`badge ${styles.vis}`}>{t(`visibility.${c.visibility}`)}</span>
                <span className={styles.score} title={`${c.score} / ${c.maxScore}`}>
                  {formatScore(c.score)} / {formatScore(c.maxScore)}
                </span>
              </summary>
              {!ok && pick(c.message, locale) ? <p className={styles.message}>{pick(c.message, locale)}</p> : null}
              {c.detail ? (
                <div className={styles.detail}>
                  <section>
                    <h4>{t("inputs")}</h4>
                    {c.detail.input.map((arg, i) => (
                      <div key={i} className={styles.arg}>
                        <span className={styles.argName}>{argNames?.[i] ?? t("argument", { n: i + 1 })}</span>
                        <ValueView value={arg} />
                      </div>
                    ))}
                  </section>
                  <div className={styles.compare}>
                    <section>
                      <h4>{t("expected")}</h4>
                      <ValueView value={c.detail.expected} label={t("expected")} />
                    </section>
                    <section>
                      <h4>{t("actual")}</h4>
                      {c.detail.actual === undefined ? (
                        <p className="muted">{t("noOutput")}</p>
                      ) : (
                        <ValueView value={c.detail.actual} against={{ value: c.detail.expected }} label={t("actual")} />
                      )}
                    </section>
                  </div>
                  {c.detail.console ? (
                    <section>
                      <h4>{t("console")}</h4>
                      <pre className={styles.console}>{c.detail.console}</pre>
                    </section>
                  ) : null}
                </div>
              ) : c.visibility !== "visible" ? (
                <p className="muted">{t("hiddenDetails")}</p>
              ) : null}
            </details>
          </li>
        );
      })}
    </ol>
  );
}
