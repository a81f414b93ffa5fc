// Submission review: code with click-to-comment lines, diff vs the previous attempt, every case (hidden too)
// with inputs/expected/actual/hint/console and timings, "failed only", comments, override, regrade, results.json,
// and J/K through the gradebook view the TA came from (carried in the URL).
import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { loadSubmissionReview, reviewQueue } from "@/app/_lib/staff/review";
import { gradebookParams, gradebookQueryFrom } from "@/app/_lib/staff/gradebook";
import { CourseTime } from "@/app/_components/CourseTime";
import { formatScore } from "@/app/_lib/staff/exportCsv";
import { CodeDiff } from "@/app/_components/code/CodeDiff";
import { CaseResults, pick } from "@/app/_components/results/CaseResults";
import { entryArgNames } from "@/app/_lib/student/view";
import { commentAction, overrideAction, startRegradeAction } from "../../actions";
import { Notice } from "../../Notice";
import { CommentableCode } from "./CommentableCode";
import { FailedOnly } from "./FailedOnly";
import { ReviewKeys } from "./ReviewKeys";
import styles from "../../staff.module.css";
import { localized } from "@/app/_i18n/localized";

type Props = {
  params: Promise<{ courseId: string; submissionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("nav.gradebook") };
}

export default async function ReviewPage(props: Props) {
  return page(() => reviewPage(props));
}

async function reviewPage({ params, searchParams }: Props) {
  const { courseId, submissionId } = await params;
  const sp = await searchParams;
  const actor = await staffContext(courseId);
  const [t, locale, r] = await Promise.all([
    getTranslations("staff"),
    getLocale(),
    loadSubmissionReview(db(), actor, submissionId),
  ]);
  const s = r.submission;
  const base = `/courses/${encodeURIComponent(courseId)}/staff`;
  // The gradebook view the TA came from (their filter), else this assignment's whole gradebook.
  const given = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string" && v) given.set(k, v);
  const view = gradebookParams(given);
  if (![...view.keys()].length) view.set("assignment", s.assignment.id);
  const withView = (path: string) => `${path}?${view.toString()}`;
  const back = withView(`${base}/submissions/${submissionId}`);
  const queue = await reviewQueue(
    db(),
    actor,
    { userId: s.user.id, assignmentId: s.assignment.id, exerciseId: s.exercise.id },
    gradebookQueryFrom(view),
  );
  const when = (d: Date) => <CourseTime value={d} />;
  const failed = r.result ? r.result.cases.filter((c) => c.status !== "passed").length : 0;
  const current = r.overrides[0] ?? null;
  const thisNumber = r.attempts.find((a) => a.id === s.id)?.number ?? 1;

  return (
    <article aria-labelledby="review-title">
      <p className="muted">
        <Link href={withView(`${base}/gradebook`)}>{t("review.back")}</Link>
      </p>
      {queue ? (
        <ReviewKeys
          previous={queue.previous ? withView(`${base}/submissions/${queue.previous}`) : null}
          next={queue.next ? withView(`${base}/submissions/${queue.next}`) : null}
          labels={{
            previous: t("review.previousStudent"),
            next: t("review.nextStudent"),
            position: t("review.position", { n: queue.position, count: queue.count }),
            nav: t("review.queue"),
          }}
        />
      ) : null}
      <h1 id="review-title">{t("review.title", { name: s.user.name })}</h1>
      <Notice ok={sp.ok} error={sp.error} />
      <dl className={styles.row}>
        <div>
          <dt className="muted">{t("common.assignment")}</dt>
          <dd>{localized(s.assignment, locale)}</dd>
        </div>
        <div>
          <dt className="muted">{t("common.exercise")}</dt>
          <dd>
            {localized(s.version, locale)} · {t("review.version", { v: s.version.version })}
          </dd>
        </div>
        <div>
          <dt className="muted">{t("review.submitted")}</dt>
          <dd>
            {t("review.attempt", { n: thisNumber })} · {when(s.submittedAt)} ·{" "}
            {t("review.late", { days: s.lateDays, penalty: Math.round(s.latePenalty * 100) })}
          </dd>
        </div>
        <div>
          <dt className="muted">{t("review.score")}</dt>
          <dd data-testid="review-score">
            {s.score === null ? "—" : `${formatScore(s.score)} / ${formatScore(s.maxScore)}`}
            {current ? (
              <span className="badge">
                {" "}
                {t("review.currentOverride", { score: formatScore(current.score), reason: current.reason })}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      {s.stale ? <p className="alert alert--warn">{t("review.stale")}</p> : null}
      {s.status === "error" && s.lastError ? (
        <p className="alert alert--error">{t("review.graderError", { message: s.lastError })}</p>
      ) : null}

      <nav aria-label={t("review.attempts")} className={styles.section}>
        <h2>{t("review.attempts")}</h2>
        <ol className={styles.row} style={{ listStyle: "none", padding: 0 }}>
          {r.attempts.map((a) => (
            <li key={a.id}>
              {a.id === s.id ? (
                <strong aria-current="page">{t("review.attempt", { n: a.number })}</strong>
              ) : (
                <Link href={withView(`${base}/submissions/${a.id}`)}>{t("review.attempt", { n: a.number })}</Link>
              )}{" "}
              <span className="muted">{a.score === null ? a.status : formatScore(a.score)}</span>
            </li>
          ))}
        </ol>
      </nav>

      <div className={styles.grid2}>
        <div>
          <h2>{t("review.code")}</h2>
          <CommentableCode
            code={s.code}
            comments={r.comments.flatMap((c) =>
              c.line === null ? [] : [{ id: c.id, line: c.line, author: c.author.name, body: c.body }],
            )}
            action={commentAction.bind(null, courseId, submissionId)}
            back={back}
          />
          <h2>{r.previous ? t("review.diff", { n: r.previous.number }) : t("review.diff", { n: "—" })}</h2>
          {r.previous ? (
            <CodeDiff
              before={r.previous.code}
              after={s.code}
              label={t("review.diff", { n: r.previous.number })}
              beforeLabel={t("review.before", { n: r.previous.number })}
              afterLabel={t("review.after")}
              identicalText={t("review.identical")}
            />
          ) : (
            <p className="muted">{t("review.noPrevious")}</p>
          )}
        </div>
        <div>
          <section id="comments" aria-labelledby="comments-title">
            <h2 id="comments-title">{t("review.comments")}</h2>
            {r.comments.length === 0 ? <p className="muted">{t("review.noComments")}</p> : null}
            <ul style={{ listStyle: "none", padding: 0 }}>
              {r.comments.map((c) => (
                <li key={c.id} className={styles.comment} data-testid="comment">
                  <strong>{c.line === null ? t("review.whole") : t("review.line", { n: c.line })}</strong> ·{" "}
                  {c.author.name} · {when(c.createdAt)}
                  <br />
                  {c.body}
                </li>
              ))}
            </ul>
            <form
              action={commentAction.bind(null, courseId, submissionId)}
              className={styles.form}
              aria-label={t("review.addComment")}
            >
              <input type="hidden" name="back" value={back} />
              <label>
                {t("review.commentWhole")}
                <textarea name="body" rows={3} required maxLength={5000} />
              </label>
              <button className="button" type="submit">
                {t("review.postComment")}
              </button>
            </form>
          </section>

          <section className={styles.section} aria-labelledby="override-title">
            <h2 id="override-title">{t("review.override")}</h2>
            <form action={overrideAction.bind(null, courseId)} className={styles.form}>
              <input type="hidden" name="assignmentId" value={s.assignment.id} />
              <input type="hidden" name="exerciseId" value={s.exercise.id} />
              <input type="hidden" name="userId" value={s.user.id} />
              <input type="hidden" name="back" value={back} />
              <label>
                {t("review.overrideScore", { max: formatScore(r.points) })}
                <input
                  name="score"
                  type="number"
                  min={0}
                  max={r.points}
                  step="any"
                  required
                  style={{ maxWidth: "8rem" }}
                />
              </label>
              <label>
                {t("review.overrideReason")}
                <textarea name="reason" rows={2} required />
              </label>
              <button className="button button--primary" type="submit">
                {t("review.overrideSubmit")}
              </button>
            </form>
            {r.overrides.length ? (
              <>
                <h3>{t("review.overrideHistory")}</h3>
                <ul>
                  {r.overrides.map((o) => (
                    <li key={o.id}>
                      {formatScore(o.score)} — {o.reason} ({o.actor.name}, {when(o.createdAt)})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section className={styles.section} aria-labelledby="regrade-title">
            <h2 id="regrade-title">{t("review.regrade")}</h2>
            <p className="muted">{t("review.regradeHint")}</p>
            <form action={startRegradeAction.bind(null, courseId)}>
              <input type="hidden" name="submissionId" value={s.id} />
              <input type="hidden" name="back" value={back} />
              <button className="button" type="submit">
                {t("review.regrade")}
              </button>
            </form>
            <p>
              <a href={`/api/staff/courses/${encodeURIComponent(courseId)}/submissions/${s.id}/results.json`} download>
                {t("review.resultsJson")}
              </a>
            </p>
          </section>
        </div>
      </div>

      <section className={styles.section} aria-labelledby="cases-title">
        <h2 id="cases-title">{t("review.cases")}</h2>
        {r.result ? (
          <>
            {r.result.message ? <p>{pick(r.result.message, locale)}</p> : null}
            {r.result.hint ? (
              <p className="alert alert--warn" role="note" data-testid="hint">
                <code className="muted">{r.result.hint.id}</code> {pick(r.result.hint.message, locale)}
              </p>
            ) : null}
            <FailedOnly label={t("review.failedOnly", { failed, total: r.result.cases.length })}>
              <CaseResults cases={r.result.cases} argNames={entryArgNames(s.version)} openFailed />
            </FailedOnly>
            <h3 id="review-timings">{t("review.timings")}</h3>
            {/* focusable: the table scrolls sideways on a narrow screen */}
            <div className={styles.tableWrap} tabIndex={0} role="region" aria-labelledby="review-timings">
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">{t("analytics.case")}</th>
                    {["runMs", "compareMs"].map((k) => (
                      <th key={k} scope="col" className={styles.num}>
                        {k}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {r.result.cases.map((c) => (
                    <tr key={c.position}>
                      <th scope="row">{pick(c.name, locale)}</th>
                      {["runMs", "compareMs"].map((k) => (
                        <td key={k} className={styles.num}>
                          {r.result!.caseTimings[c.position]?.[k] !== undefined
                            ? r.result!.caseTimings[c.position][k].toFixed(2)
                            : ""}
                        </td>
                      ))}
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t("review.total")}</th>
                    <td colSpan={2} className={styles.num}>
                      {Object.entries(r.result.timings)
                        .map(([k, v]) => `${k} ${typeof v === "number" ? v.toFixed(1) : v}`)
                        .join(" · ")}
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="muted">{t("review.noResult")}</p>
        )}
      </section>
    </article>
  );
}
