// Analytics of one assignment: totals histogram; per exercise: histogram, discrimination, hidden-case pass rates,
// per-version case drill-down, misconceptions (counted in submissions), median attempts; one line for an exercise nobody tried.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { loadAnalytics, type CasePassRate } from "@/app/_lib/staff/analytics";
import { assignmentOfCourse } from "@/app/_lib/staff/scope";
import { Histogram } from "@/app/_components/charts/Histogram";
import { pick } from "@/app/_components/results/CaseResults";
import styles from "../../staff.module.css";
import { localized } from "@/app/_i18n/localized";

type Props = { params: Promise<{ courseId: string; assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("overview.analytics") };
}

export default async function AnalyticsPage(props: Props) {
  return page(() => analyticsPage(props));
}

async function analyticsPage({ params }: Props) {
  const { courseId, assignmentId } = await params;
  const actor = await staffContext(courseId);
  const a = await assignmentOfCourse(db(), actor, assignmentId);
  const [t, locale, an] = await Promise.all([
    getTranslations("staff"),
    getLocale(),
    loadAnalytics(db(), actor, assignmentId),
  ]);
  const chart = (bins: typeof an.histogram) => (
    <Histogram
      bins={bins}
      label={t("analytics.chartLabel")}
      xLabel={t("analytics.scoreRange")}
      yLabel={t("analytics.students")}
    />
  );
  const passRateTable = (cases: CasePassRate[]) => (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t("analytics.case")}</th>
            <th scope="col">{t("analytics.passRate")}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.position}>
              <th scope="row">{pick(c.name, locale)}</th>
              <td>
                <span className={styles.bar} style={{ width: `${Math.round(c.rate * 120)}px` }} aria-hidden="true" />
                {Math.round(c.rate * 100)} % ({t("analytics.passed", { passed: c.passed, total: c.total })})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="an-title">
      <h1 id="an-title">{t("analytics.title", { assignment: localized(a, locale) })}</h1>
      <h2>{t("analytics.overall")}</h2>
      {chart(an.histogram)}
      {an.exercises
        .filter((ex) => ex.submissions === 0)
        .map((ex) => (
          <p key={ex.exerciseId} className="muted" data-testid="analytics-empty">
            {t("analytics.noSubmissions", { title: localized(ex, locale) })}
          </p>
        ))}
      {an.exercises
        .filter((ex) => ex.submissions > 0)
        .map((ex) => (
          <section
            key={ex.exerciseId}
            className={`card ${styles.section}`}
            aria-labelledby={`ex-${ex.exerciseId}`}
            data-testid="analytics-exercise"
          >
            <h2 id={`ex-${ex.exerciseId}`}>{t("analytics.exercise", { title: localized(ex, locale) })}</h2>
            <h3>{t("analytics.histogram")}</h3>
            {chart(ex.histogram)}
            <p>
              <strong>{t("analytics.medianAttempts")}:</strong> {ex.medianAttemptsToFull ?? "—"} (
              {t("analytics.reachedFull", { count: ex.reachedFull })}) ·{" "}
              {t("analytics.submissions", { count: ex.submissions })}
            </p>
            <p title={t("analytics.discriminationHelp")}>
              <strong>{t("analytics.discrimination")}:</strong>{" "}
              {ex.discrimination === null ? t("analytics.discriminationNone") : ex.discrimination.toFixed(2)}
            </p>
            <h3>{t("analytics.hiddenCases")}</h3>
            {ex.hiddenCases.length === 0 ? (
              <p className="muted">{t("analytics.noCases")}</p>
            ) : (
              passRateTable(ex.hiddenCases)
            )}
            <h3>{t("analytics.byVersion")}</h3>
            {ex.versions.map((v) => (
              <details key={v.versionId} data-testid="analytics-version">
                <summary>{t("analytics.version", { v: v.version, count: v.submissions })}</summary>
                {passRateTable(v.cases)}
              </details>
            ))}
            <h3>{t("analytics.misconceptions")}</h3>
            {ex.misconceptions.length === 0 ? (
              <p className="muted">{t("analytics.noMisconceptions")}</p>
            ) : (
              <div className={styles.tableWrap}>
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th scope="col">{t("analytics.hint")}</th>
                      <th scope="col" className={styles.num}>
                        {t("analytics.count")}
                      </th>
                      <th scope="col" className={styles.num}>
                        {t("analytics.studentsWith")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ex.misconceptions.map((m) => (
                      <tr key={m.hintId}>
                        <th scope="row" style={{ whiteSpace: "normal" }}>
                          {m.hint ? pick(m.hint, locale) : null}
                          <br />
                          <code className="muted">{m.hintId}</code>
                        </th>
                        <td className={styles.num}>{m.count}</td>
                        <td className={styles.num}>{m.students}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))}
    </section>
  );
}
