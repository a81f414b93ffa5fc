// One of the student's own submissions: code (read-only), status, score and case results. Anyone else gets 404.
import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { studentContext, type StudentContext } from "@/app/_lib/context";
import { submissionView } from "@/app/_lib/student/view";
import type { SubmissionView } from "@/app/_lib/student/types";
import { CodeView } from "@/app/_components/code/CodeView";
import { CourseTime } from "@/app/_components/CourseTime";
import { CaseResults } from "@/app/_components/results/CaseResults";
import { ResultSummary } from "@/app/_components/results/ResultSummary";
import { listCommentsForStudent } from "@/app/_lib/staff/comments";
import { countedScore } from "@/app/_lib/student/dashboard";
import { CountedScore } from "@/app/_components/results/CountedScore";

type Props = { params: Promise<{ courseId: string; submissionId: string }> };

async function load(courseId: string, submissionId: string) {
  const ctx = await studentContext(courseId);
  return { ctx, s: await submissionView(db(), ctx, submissionId) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return page(async () => {
    const { courseId, submissionId } = await params;
    await load(courseId, submissionId);
    return { title: (await getTranslations("student.submission"))("title") };
  });
}

export default async function SubmissionPage({ params }: Props) {
  return page(async () => {
    const { courseId, submissionId } = await params;
    const { ctx, s } = await load(courseId, submissionId);
    return submissionPage(ctx, s);
  });
}

async function submissionPage(ctx: StudentContext, s: SubmissionView) {
  const courseId = ctx.courseId;
  const [t, ts, comments, counted] = await Promise.all([
    getTranslations("student.submission"),
    getTranslations("staff.review"),
    listCommentsForStudent(db(), ctx, s.id),
    countedScore(db(), ctx, s.assignmentId, s.exerciseId),
  ]);
  // Staff comments: line comments under their line, the rest listed below the code.
  const byLine: Record<number, React.ReactNode> = {};
  for (const c of comments) {
    if (c.line === null) continue;
    byLine[c.line] = (
      <>
        {byLine[c.line]}
        <span
          data-testid="line-comment"
          style={{
            display: "block",
            whiteSpace: "pre-wrap",
            fontFamily: "var(--font-sans)",
            borderLeft: "3px solid var(--accent)",
            paddingLeft: "var(--space-2)",
          }}
        >
          <strong>{c.author.name}:</strong> {c.body}
        </span>
      </>
    );
  }
  const exerciseHref = `/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(s.assignmentId)}/exercises/${encodeURIComponent(s.exerciseSlug)}`;
  return (
    <section aria-labelledby="submission-title" data-testid="submission-page">
      <p className="muted">
        <Link href={exerciseHref}>{t("backToExercise")}</Link>
      </p>
      <h1 id="submission-title">{t("title")}</h1>
      <p className="muted">
        {t("submittedAt")} <CourseTime value={s.submittedAt} style="medium" />
        {" · "}
        {t(`kind.${s.kind}`)}
      </p>
      <ResultSummary submission={s} />
      {counted ? (
        <p>
          <CountedScore counted={counted} />
        </p>
      ) : null}
      <h2>{t("code")}</h2>
      <CodeView
        code={s.code}
        label={t("code")}
        idPrefix="code"
        highlightLines={s.result?.compileError?.line ? [s.result.compileError.line] : []}
        lineExtras={byLine}
      />
      {comments.length ? (
        <section aria-labelledby="comments-title" data-testid="student-comments">
          <h2 id="comments-title">{ts("comments")}</h2>
          <ul>
            {comments.map((c) => (
              <li key={c.id} style={{ whiteSpace: "pre-wrap" }}>
                <strong>{c.line === null ? ts("whole") : ts("line", { n: c.line })}</strong> · {c.author.name} ·{" "}
                <CourseTime value={c.createdAt} />
                <br />
                {c.body}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {s.result ? (
        <>
          <h2>{t("cases")}</h2>
          <CaseResults cases={s.result.cases} />
        </>
      ) : null}
    </section>
  );
}
