// The student's own requests on a submission or exercise, with the staff's answers, and the form to file one.
import { getTranslations } from "next-intl/server";
import { CourseTime } from "@/app/_components/CourseTime";
import type { RequestKind, RequestView } from "@/app/_lib/people/requests";
import { REQUEST_MAX_CHARS } from "@/app/_lib/people/requests";
import { fileRequestAction } from "@/app/courses/[courseId]/requestActions";
import styles from "./people.module.css";

export type RequestTarget =
  { kind: "review"; submissionId: string } | { kind: "problem"; assignmentId: string; exerciseId: string };

export async function StudentRequests({
  courseId,
  back,
  target,
  requests,
  sent,
  error,
}: {
  courseId: string;
  /** This page's path, to come back to. */
  back: string;
  /** What a new request is about, or null when none can be filed here (e.g. a submission not graded yet). */
  target: RequestTarget | null;
  requests: readonly RequestView[];
  sent: boolean;
  error: string | null;
}) {
  const [t, ts] = await Promise.all([getTranslations("people"), getTranslations("staff")]);
  const kind: RequestKind = target?.kind ?? "review";
  const open = requests.some((r) => r.status === "open" && r.kind === kind);
  const errorText = error
    ? t.has(`errors.${error}`)
      ? t(`errors.${error}`)
      : ts.has(`errors.${error}`)
        ? ts(`errors.${error}`)
        : ts("errors.title")
    : null;
  return (
    <section aria-labelledby="requests-title" id="requests" data-testid="student-requests">
      <h2 id="requests-title">
        {t(kind === "review" ? "requests.student.reviewTitle" : "requests.student.problemTitle")}
      </h2>
      {sent ? (
        <p className="alert alert--ok" role="status" data-testid="request-sent">
          {t("requests.student.sent")}
        </p>
      ) : null}
      {errorText ? (
        <p className="alert alert--error" role="alert" data-testid="request-error">
          {errorText}
        </p>
      ) : null}
      {requests.length ? (
        <>
          <h3>{t("requests.student.yours")}</h3>
          <ul className={styles.list}>
            {requests.map((r) => (
              <li key={r.id} className={styles.item} data-testid="my-request" data-status={r.status}>
                <p className={styles.meta}>
                  <span className="badge">{t(`requests.kind.${r.kind}`)}</span> <CourseTime value={r.createdAt} /> ·{" "}
                  {t(`requests.status.${r.status}`)}
                </p>
                <p className={styles.body}>{r.message}</p>
                {r.answer ? (
                  <div className={styles.answer} data-testid="my-request-answer">
                    <p className={styles.meta}>
                      <strong>{t("requests.student.answer", { name: r.answeredBy ?? "?" })}</strong>
                      {r.answeredAt ? (
                        <>
                          {" · "}
                          <CourseTime value={r.answeredAt} />
                        </>
                      ) : null}
                    </p>
                    <p className={styles.body}>{r.answer}</p>
                  </div>
                ) : r.status === "open" ? (
                  <p className="muted">{t("requests.student.pending")}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {target && !open ? (
        <form action={fileRequestAction.bind(null, courseId)} className={styles.form}>
          <p className="muted">
            {t(kind === "review" ? "requests.student.reviewHelp" : "requests.student.problemHelp")}
          </p>
          <input type="hidden" name="back" value={back} />
          <input type="hidden" name="kind" value={target.kind} />
          {target.kind === "review" ? (
            <input type="hidden" name="submissionId" value={target.submissionId} />
          ) : (
            <>
              <input type="hidden" name="assignmentId" value={target.assignmentId} />
              <input type="hidden" name="exerciseId" value={target.exerciseId} />
            </>
          )}
          <label>
            {t("requests.student.message")}
            <textarea
              name="message"
              rows={4}
              required
              maxLength={REQUEST_MAX_CHARS}
              data-testid="request-message-input"
            />
          </label>
          <div>
            <button type="submit" className="button" data-testid="request-send">
              {t(kind === "review" ? "requests.student.sendReview" : "requests.student.sendProblem")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
