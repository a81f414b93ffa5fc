"use client";
/**
 * The submission's code as in a code review: click a line (or its number, which is a
 * button for the keyboard) and a comment box for that line opens under it. Existing line
 * comments sit under their lines. Posting goes through the staff comment action.
 */

import { useState } from "react";
import { useTranslations } from "next-intl";
import { CodeView } from "@/app/_components/code/CodeView";
import styles from "../../staff.module.css";

export interface LineComment {
  id: string;
  line: number;
  author: string;
  body: string;
}

export function CommentableCode({
  code,
  comments,
  action,
  back,
}: {
  code: string;
  comments: LineComment[];
  action: (form: FormData) => Promise<void>;
  back: string;
}) {
  const t = useTranslations("staff.review");
  const [line, setLine] = useState<number | null>(null);
  const extras: Record<number, React.ReactNode> = {};
  for (const c of comments) {
    extras[c.line] = (
      <>
        {extras[c.line]}
        <span className={styles.comment} data-testid="line-comment">
          <strong>{c.author}:</strong> {c.body}
        </span>
      </>
    );
  }
  if (line !== null) {
    extras[line] = (
      <>
        {extras[line]}
        <form action={action} className={styles.lineForm} aria-label={t("commentOnLine", { n: line })}>
          <input type="hidden" name="line" value={line} />
          <input type="hidden" name="back" value={back} />
          <label>
            {t("commentOnLine", { n: line })}
            <textarea name="body" rows={3} required maxLength={5000} autoFocus data-testid="line-comment-body" />
          </label>
          <span className={styles.row}>
            <button className="button button--primary" type="submit">
              {t("postComment")}
            </button>
            <button className="button button--quiet" type="button" onClick={() => setLine(null)}>
              {t("cancel")}
            </button>
          </span>
        </form>
      </>
    );
  }
  return (
    <div
      onClick={(e) => {
        const el = (e.target as HTMLElement).closest<HTMLElement>("[data-line]");
        if (el?.dataset.line) setLine(Number(el.dataset.line));
      }}
    >
      <CodeView
        code={code}
        label={t("code")}
        idPrefix="code"
        lineExtras={extras}
        lineLabel={(n) => t("commentOnLine", { n })}
      />
      <p className="muted">{t("clickLine")}</p>
    </div>
  );
}
