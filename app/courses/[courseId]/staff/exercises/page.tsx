// Exercise checks (instructors): the exercises:check report per exercise's current version.
import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { listExerciseChecks } from "@/app/_lib/staff/checks";
import styles from "../staff.module.css";
import { localized } from "@/app/_i18n/localized";
import { courseTimeZone } from "@/app/_lib/dates";
import { CheckDetails } from "./CheckDetails";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("exercises.title") };
}

export default async function ExercisesPage({ params }: Props) {
  return page(async () => {
    const { courseId } = await params;
    const actor = await staffContext(courseId, { instructor: true });
    const [t, locale, format, rows] = await Promise.all([
      getTranslations("staff"),
      getLocale(),
      getFormatter(),
      listExerciseChecks(db(), actor),
    ]);
    const base = `/courses/${encodeURIComponent(courseId)}/staff`;
    return (
      <section aria-labelledby="ex-title">
        <h1 id="ex-title">{t("exercises.title")}</h1>
        <p className="muted">{t("exercises.help")}</p>
        <div className={`${styles.tableWrap} ${styles.checks}`}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("common.exercise")}</th>
                <th scope="col">{t("exercises.version")}</th>
                <th scope="col">{t("exercises.check")}</th>
                <th scope="col">{t("exercises.details")}</th>
                <th scope="col">{t("exercises.preview")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="exercise-row">
                  <th scope="row">
                    {r.section} · {localized(r, locale)}
                    <br />
                    <code className="muted">{r.slug}</code>
                  </th>
                  <td>{r.version ?? "—"}</td>
                  <td>
                    {r.loadError ? (
                      <p className="alert alert--error" data-testid="exercise-load-error">
                        {t("exercises.loadError", {
                          time: format.dateTime(r.loadError.at, {
                            dateStyle: "medium",
                            timeStyle: "short",
                            timeZone: courseTimeZone(),
                          }),
                        })}{" "}
                        <code>{r.loadError.message}</code>
                      </p>
                    ) : null}
                    {r.report === null ? (
                      <span className="muted">{t("exercises.notChecked")}</span>
                    ) : r.report.ok ? (
                      <strong className={styles.ok}>✓ {t("exercises.ok")}</strong>
                    ) : (
                      <strong className={styles.bad}>✗ {t("exercises.failed")}</strong>
                    )}
                  </td>
                  <td style={{ whiteSpace: "normal", minWidth: "18rem" }}>
                    {r.report ? <CheckDetails report={r.report} locale={locale} /> : null}
                  </td>
                  <td>
                    <Link href={`${base}/exercises/${r.id}`}>{t("exercises.preview")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  });
}
