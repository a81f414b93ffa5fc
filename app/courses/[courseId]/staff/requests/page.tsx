// Students' regrade requests and problem reports: a queue to answer (optionally with an override) and close.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { localized } from "@/app/_i18n/localized";
import { listRequests, REQUEST_STATUSES, type QueueRow, type RequestStatus } from "@/app/_lib/people/requests";
import { CourseTime } from "@/app/_components/CourseTime";
import { Notice } from "../Notice";
import { answerRequestAction, closeRequestAction } from "./actions";
import styles from "../staff.module.css";
import people from "../people.module.css";
import lists from "@/app/_components/people/people.module.css";

type Props = {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("requests.title") };
}

export default async function RequestsPage(props: Props) {
  return page(() => requestsPage(props));
}

const FILTERS = [...REQUEST_STATUSES, "all"] as const;

async function requestsPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const sp = await searchParams;
  const actor = await staffContext(courseId);
  const status = (FILTERS as readonly string[]).includes(String(sp.status))
    ? (sp.status as RequestStatus | "all")
    : "open";
  const [t, locale, rows, points] = await Promise.all([
    getTranslations("people"),
    getLocale(),
    listRequests(db(), actor, status),
    db().assignmentExercise.findMany({
      where: { assignment: { courseId: actor.courseId } },
      select: { assignmentId: true, exerciseId: true, points: true },
    }),
  ]);
  const pointsOf = new Map(points.map((p) => [`${p.assignmentId}|${p.exerciseId}`, p.points]));
  const base = `/courses/${encodeURIComponent(courseId)}/staff`;
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">{t("requests.title")}</h1>
      <p>{t("requests.help")}</p>
      <Notice ok={sp.ok} error={sp.error} />
      <nav aria-label={t("requests.title")}>
        <ul className={styles.nav}>
          {FILTERS.map((f) => (
            <li key={f}>
              <Link href={`${base}/requests?status=${f}`} aria-current={f === status ? "page" : undefined}>
                {t(`requests.status.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? <p className="muted">{t("requests.empty")}</p> : null}
      <ol className={lists.list} data-testid="requests">
        {rows.map((r) => (
          <RequestItem
            key={r.id}
            r={r}
            courseId={courseId}
            locale={locale}
            points={pointsOf.get(`${r.assignmentId}|${r.exerciseId}`) ?? 0}
            t={t}
          />
        ))}
      </ol>
    </section>
  );
}

function RequestItem({
  r,
  courseId,
  locale,
  points,
  t,
}: {
  r: QueueRow;
  courseId: string;
  locale: string;
  points: number;
  t: Awaited<ReturnType<typeof getTranslations<"people">>>;
}) {
  const exercise = `${r.exercise.section} ${localized(r.exercise, locale)}`;
  const id = `request-${r.id}`;
  return (
    <li className={lists.item} data-testid="request" data-status={r.status} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={people.requestTitle}>
        <span className="badge">{t(`requests.kind.${r.kind}`)}</span>{" "}
        {t("requests.from", { name: r.student.name, exercise })}
      </h2>
      <p className="muted">
        {localized(r.assignment, locale)} · <CourseTime value={r.createdAt} /> · {t(`requests.status.${r.status}`)}
        {r.submissionId ? (
          <>
            {" · "}
            <Link
              href={`/courses/${encodeURIComponent(courseId)}/staff/submissions/${encodeURIComponent(r.submissionId)}`}
            >
              {t("requests.openSubmission")}
            </Link>
          </>
        ) : null}
      </p>
      <blockquote className={people.requestMessage} data-testid="request-message">
        {r.message}
      </blockquote>
      {r.answer ? (
        <div data-testid="request-answer">
          <p className="muted">{t("requests.answeredBy", { name: r.answeredBy ?? "?" })}</p>
          <p className={people.requestMessage}>{r.answer}</p>
        </div>
      ) : null}
      {r.status === "closed" ? null : (
        <>
          <form action={answerRequestAction.bind(null, courseId, r.id)} className={styles.form}>
            <label>
              {t("requests.answerLabel", { name: r.student.name })}
              <textarea name="answer" rows={3} required data-testid="answer-text" />
            </label>
            <label>
              {t("requests.score", { points })}
              <input
                type="number"
                name="score"
                min={0}
                max={points}
                step="any"
                inputMode="decimal"
                aria-describedby={`${id}-score-help`}
                data-testid="answer-score"
              />
            </label>
            <p id={`${id}-score-help`} className="muted">
              {t("requests.scoreHelp")}
            </p>
            <div className={people.check}>
              <input id={`${id}-close`} type="checkbox" name="close" defaultChecked data-testid="answer-close" />
              <label htmlFor={`${id}-close`}>{t("requests.closeWith")}</label>
            </div>
            <button type="submit" className="button button--primary" data-testid="answer-send">
              {t("requests.send")}
            </button>
          </form>
          <form action={closeRequestAction.bind(null, courseId, r.id)}>
            <button type="submit" className="button button--quiet" data-testid="request-close">
              {t("requests.close")}
            </button>
          </form>
        </>
      )}
    </li>
  );
}
