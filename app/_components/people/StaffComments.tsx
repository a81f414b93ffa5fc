// The staff's comments on a student's submission(s), with a "New" marker on those the student has not seen.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CourseTime } from "@/app/_components/CourseTime";
import type { CommentView, ExerciseCommentView } from "@/app/_lib/staff/comments";
import styles from "./people.module.css";

export async function StaffComments({
  comments,
  unread,
  submissionHref,
}: {
  comments: readonly (CommentView | ExerciseCommentView)[];
  /** Ids of the comments the student has an unread notification for. */
  unread: ReadonlySet<string>;
  /** With comments of several submissions: the link to each comment's submission. */
  submissionHref?: (submissionId: string) => string;
}) {
  if (comments.length === 0) return null;
  const t = await getTranslations("people");
  return (
    <section aria-labelledby="staff-comments-title" data-testid="student-comments">
      <h2 id="staff-comments-title">{t("comments.title")}</h2>
      <ul className={styles.list}>
        {comments.map((c) => {
          const isNew = unread.has(c.id);
          return (
            <li
              key={c.id}
              className={isNew ? `${styles.item} ${styles.unread}` : styles.item}
              data-testid="staff-comment"
              data-unread={isNew ? "true" : "false"}
            >
              <p className={styles.meta}>
                {isNew ? <span className={`badge ${styles.newBadge}`}>{t("comments.new")}</span> : null}{" "}
                <strong>{c.line === null ? t("comments.whole") : t("comments.line", { n: c.line })}</strong> ·{" "}
                {c.author.name} · <CourseTime value={c.createdAt} />
                {"submission" in c && submissionHref ? (
                  <>
                    {" · "}
                    <Link href={submissionHref(c.submission.id)}>{t("comments.open")}</Link>
                  </>
                ) : null}
              </p>
              <p className={styles.body}>{c.body}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
