// Assignment: editor (instructors; TAs see a read-only summary, never the form), per-student extensions, regrade.
import { courseTimeZone } from "@/app/_lib/dates";
import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { getAssignment, listExercises } from "@/app/_lib/staff/assignments";
import { extensionAction, saveAssignmentAction, startRegradeAction } from "../../actions";
import { AssignmentForm } from "../AssignmentForm";
import { AssignmentSummary } from "../AssignmentSummary";
import { CourseTime } from "@/app/_components/CourseTime";
import { Notice } from "../../Notice";
import { labForSection } from "@/labs/catalogue";
import styles from "../../staff.module.css";
import { localized } from "@/app/_i18n/localized";

type Props = {
  params: Promise<{ courseId: string; assignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("nav.assignments") };
}

export default async function AssignmentPage(props: Props) {
  return page(() => assignmentPage(props));
}

async function assignmentPage({ params, searchParams }: Props) {
  const { courseId, assignmentId } = await params;
  const sp = await searchParams;
  const actor = await staffContext(courseId);
  const a = await getAssignment(db(), actor, assignmentId);
  const [t, tLabs, locale, exercises, students] = await Promise.all([
    getTranslations("staff"),
    getTranslations("labs"),
    getLocale(),
    listExercises(db()),
    db().enrollment.findMany({
      where: { courseId: actor.courseId, role: "student", endedAt: null },
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const instructor = actor.role === "instructor";
  const base = `/courses/${encodeURIComponent(courseId)}/staff`;
  const back = `${base}/assignments/${assignmentId}`;
  const title = localized(a, locale);
  return (
    <section aria-labelledby="as-title">
      <h1 id="as-title">{t("assignments.edit", { title })}</h1>
      <Notice ok={sp.ok} error={sp.error} />
      <p className={styles.row}>
        <Link href={`${base}/gradebook?assignment=${a.id}`}>{t("overview.gradebook")}</Link>
        <Link href={`${base}/analytics/${a.id}`}>{t("overview.analytics")}</Link>
        {a.items[0] && labForSection(a.items[0].exercise.section) ? (
          <Link href={`/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(a.id)}/lab`}>
            {tLabs("open", { section: a.items[0].exercise.section })}
          </Link>
        ) : null}
      </p>
      {instructor ? (
        <AssignmentForm
          action={saveAssignmentAction.bind(null, courseId, a.id)}
          courseId={courseId}
          exercises={exercises}
          values={a}
        />
      ) : (
        <AssignmentSummary assignment={a} exercises={exercises} />
      )}

      <section id="extensions" className={styles.section} aria-labelledby="ext-title">
        <h2 id="ext-title">{t("assignments.extensions")}</h2>
        {a.extensions.length === 0 ? <p className="muted">{t("assignments.noExtensions")}</p> : null}
        <ul>
          {a.extensions.map((e) => (
            <li key={e.id}>
              {e.user.name} ({e.user.email}) → <CourseTime value={e.dueAt} /> — {e.reason}
              {instructor ? (
                <form
                  action={extensionAction.bind(null, courseId, a.id)}
                  style={{ display: "inline", marginLeft: "var(--space-2)" }}
                >
                  <input type="hidden" name="userId" value={e.user.id} />
                  <input type="hidden" name="remove" value="1" />
                  <button className="button button--quiet" type="submit">
                    {t("assignments.remove")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {instructor ? (
          <form action={extensionAction.bind(null, courseId, a.id)} className={styles.form}>
            <div className={styles.row}>
              <label>
                {t("assignments.extendFor")}
                <select name="userId" required defaultValue="">
                  <option value="" disabled>
                    {t("assignments.choose")}
                  </option>
                  {students.map((s) => (
                    <option key={s.user.id} value={s.user.id}>
                      {s.user.name} ({s.user.email})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("assignments.newDue")} ({courseTimeZone()})
                <input type="datetime-local" name="dueAt" required />
              </label>
            </div>
            <label>
              {t("common.reason")}
              <input name="reason" required />
            </label>
            <button className="button" type="submit">
              {t("assignments.grant")}
            </button>
          </form>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="rg-title">
        <h2 id="rg-title">{t("regrades.title")}</h2>
        <p className="muted">{t("review.regradeHint")}</p>
        <form action={startRegradeAction.bind(null, courseId)} className={styles.row}>
          <input type="hidden" name="assignmentId" value={a.id} />
          <input type="hidden" name="back" value={back} />
          <label>
            {t("common.exercise")}
            <select name="exerciseId" defaultValue="">
              <option value="">{t("regrades.startAssignment")}</option>
              {a.items.map((it) => (
                <option key={it.exerciseId} value={it.exerciseId}>
                  {it.exercise.section} · {it.exercise.slug}
                </option>
              ))}
            </select>
          </label>
          <button className="button" type="submit" data-testid="start-regrade">
            {t("regrades.start")}
          </button>
        </form>
      </section>
    </section>
  );
}
