// The student dashboard: released assignments with dates (in the course's time zone), late policy,
// extension, attempts, the counting score per exercise and progress by section.
import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { courseContext, type StudentContext } from "@/app/_lib/context";
import { courseHref } from "@/app/_lib/routes";
import { localized } from "@/app/_i18n/localized";
import { studentDashboard, type DashboardAssignment } from "@/app/_lib/student/dashboard";
import { formatNumber } from "@/app/_components/results/ValueView";
import { CourseTime } from "@/app/_components/CourseTime";
import { labForSection } from "@/labs/catalogue";
import styles from "./dashboard.module.css";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return page(async () => {
    const ctx = await courseContext((await params).courseId);
    return { title: localized(ctx.course, await getLocale()) };
  });
}

export default async function CoursePage({ params }: Props) {
  return page(async () => {
    const ctx = await courseContext((await params).courseId);
    // Staff have their own area.
    if (ctx.role !== "student") redirect(courseHref(ctx.courseId, ctx.role));
    return dashboardPage({ ...ctx, role: "student" });
  });
}

async function dashboardPage(ctx: StudentContext) {
  const [t, tLabs, locale, dash] = await Promise.all([
    getTranslations("student.dashboard"),
    getTranslations("labs"),
    getLocale(),
    studentDashboard(db(), ctx),
  ]);
  const now = Date.now();
  const At = ({ iso }: { iso: string }) => <CourseTime value={iso} style="medium" />;

  return (
    <section aria-labelledby="course-title" className={styles.dashboard}>
      <p className="muted">
        <Link href="/">{t("allCourses")}</Link>
      </p>
      <h1 id="course-title">{localized(ctx.course, locale)}</h1>
      {dash.assignments.length === 0 ? <p className="muted">{t("noAssignments")}</p> : null}
      {dash.assignments.map((a: DashboardAssignment) => (
        <article
          key={a.id}
          className={`card ${styles.assignment}`}
          aria-labelledby={`a-${a.id}`}
          data-testid="assignment"
        >
          <header className={styles.head}>
            <h2 id={`a-${a.id}`}>
              {localized(a, locale)}
              {!a.closed && Date.parse(a.effectiveDueAt) < now ? (
                <>
                  {" "}
                  <span className="badge badge--warn" data-testid="late-badge">
                    {t("lateBadge", { percent: Math.round(a.latePenaltyPerDay * 100) })}
                  </span>
                </>
              ) : null}
            </h2>
            <p className={styles.total}>
              {t("total", { earned: formatNumber(a.earned), possible: formatNumber(a.possible) })}
            </p>
          </header>
          <dl className={styles.facts}>
            <div>
              <dt>{t("released")}</dt>
              <dd>
                <At iso={a.releaseAt} />
              </dd>
            </div>
            <div>
              <dt>{t("due")}</dt>
              <dd>
                <At iso={a.effectiveDueAt} />
                {a.extension ? (
                  <span className={`badge ${styles.ext}`} data-testid="extension">
                    {t("extension")} <At iso={a.dueAt} />
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>{t("latePolicy")}</dt>
              <dd>
                {a.lateDaysMax === 0
                  ? t("noLate")
                  : t("late", { percent: Math.round(a.latePenaltyPerDay * 100), days: a.lateDaysMax })}
                {" · "}
                {a.closed ? (
                  t("closed")
                ) : (
                  <>
                    {t("closes")} <At iso={a.closesAt} />
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t("attempts")}</dt>
              <dd>{a.attemptLimit === null ? t("unlimited") : t("attemptLimit", { limit: a.attemptLimit })}</dd>
            </div>
            <div>
              <dt>{t("scorePolicy")}</dt>
              <dd>{t(`policy.${a.scorePolicy === "latest" ? "latest" : "best"}`)}</dd>
            </div>
          </dl>
          <h3 className="visually-hidden">{t("progress")}</h3>
          <ul className={styles.sections} aria-label={t("progress")}>
            {a.sections.map((s) => (
              <li key={s.section}>
                <span>{s.section}</span>
                <meter
                  min={0}
                  max={s.possible || 1}
                  value={s.earned}
                  aria-label={t("sectionProgress", { section: s.section })}
                />
                <span className={styles.num}>
                  {formatNumber(s.earned)} / {formatNumber(s.possible)}
                </span>
              </li>
            ))}
          </ul>
          {a.sections.length === 1 && labForSection(a.sections[0].section) ? (
            <p>
              <Link
                href={`/courses/${encodeURIComponent(ctx.courseId)}/assignments/${encodeURIComponent(a.id)}/lab`}
                data-testid="lab-link"
              >
                {tLabs("open", { section: a.sections[0].section })}
              </Link>
            </p>
          ) : null}
          <table className={styles.table}>
            <caption className="visually-hidden">{t("exercisesOf", { title: localized(a, locale) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("exercise")}</th>
                <th scope="col">{t("score")}</th>
                <th scope="col">{t("attemptsUsed")}</th>
              </tr>
            </thead>
            <tbody>
              {a.exercises.map((e) => (
                <tr key={e.exerciseId} data-testid="exercise-row">
                  <td>
                    <span className="muted">{e.section}</span>{" "}
                    <Link
                      href={`/courses/${encodeURIComponent(ctx.courseId)}/assignments/${encodeURIComponent(a.id)}/exercises/${encodeURIComponent(e.slug)}`}
                    >
                      {localized(e, locale)}
                    </Link>
                  </td>
                  <td className={styles.num}>
                    {e.score === null ? "—" : formatNumber(e.score)} / {formatNumber(e.points)}
                    {e.overridden ? (
                      <span className="badge" data-testid="override-reason">
                        {" "}
                        {t("overridden")}
                        {e.overrideReason ? `: ${e.overrideReason}` : ""}
                      </span>
                    ) : null}
                    {e.pending ? <span className="muted"> · {t("pending")}</span> : null}
                  </td>
                  <td className={styles.num}>
                    {e.attemptsLeft === null
                      ? t("usedUnlimited", { used: e.attemptsUsed })
                      : t("usedOf", { used: e.attemptsUsed, left: e.attemptsLeft })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
