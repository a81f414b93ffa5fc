"use client";
/** Submission history: time, status and score; view read-only, diff any two (or one against the editor), restore into the editor. */

import { useState } from "react";
import { useTranslations } from "next-intl";
import { CourseTime } from "@/app/_components/CourseTime";
import { CodeDiff } from "@/app/_components/code/CodeDiff";
import { formatScore } from "@/app/_components/results/ValueView";
import type { SubmissionSummary } from "@/app/_lib/student/types";
import { submissionApi } from "./api";
import styles from "./workspace.module.css";

const EDITOR = "editor";

export function HistoryPanel({
  rows,
  currentCode,
  onRestore,
  courseId,
}: {
  rows: SubmissionSummary[];
  /** The editor's text now. */
  currentCode: () => string;
  onRestore: (code: string) => void;
  courseId: string;
}) {
  const t = useTranslations("student.history");
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [a, setA] = useState<string>("");
  const [b, setB] = useState<string>(EDITOR);
  const [diff, setDiff] = useState<{ before: string; after: string; beforeLabel: string; afterLabel: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const n = (id: string) => rows.length - rows.findIndex((r) => r.id === id);
  const label = (id: string) => (id === EDITOR ? t("editor") : t("numbered", { n: n(id) }));

  async function codeOf(id: string): Promise<string> {
    if (id === EDITOR) return currentCode();
    if (codes[id] !== undefined) return codes[id];
    const s = await submissionApi.get(id);
    setCodes((c) => ({ ...c, [id]: s.code }));
    return s.code;
  }

  async function compare() {
    const first = a || rows[rows.length > 1 ? 1 : 0]?.id;
    if (!first) return;
    setBusy(true);
    try {
      const [before, after] = await Promise.all([codeOf(first), codeOf(b)]);
      setDiff({ before, after, beforeLabel: label(first), afterLabel: label(b) });
    } finally {
      setBusy(false);
    }
  }

  async function restore(id: string) {
    if (!window.confirm(t("restoreConfirm", { n: n(id) }))) return;
    onRestore(await codeOf(id));
  }

  return (
    <section className={styles.history} aria-labelledby="history-title">
      <h2 id="history-title">{t("title")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <>
          <table className={styles.historyTable} data-testid="history">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("score")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td>{n(r.id)}</td>
                  <td>
                    <CourseTime value={r.submittedAt} />
                  </td>
                  <td>{t(`statusValue.${r.status}`)}</td>
                  <td>
                    {r.score === null ? "—" : `${formatScore(r.score)} / ${formatScore(r.maxScore ?? 0)}`}
                    {r.latePenalty > 0 ? <span className="muted"> ({t("late", { days: r.lateDays })})</span> : null}
                  </td>
                  <td className={styles.actions}>
                    <a href={`/courses/${encodeURIComponent(courseId)}/submissions/${encodeURIComponent(r.id)}`}>
                      {t("view", { n: n(r.id) })}
                    </a>
                    <button type="button" className="button button--quiet" onClick={() => void restore(r.id)}>
                      {t("restore", { n: n(r.id) })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={styles.diffControls}>
            <label>
              {t("from")}{" "}
              <select value={a || rows[rows.length > 1 ? 1 : 0].id} onChange={(e) => setA(e.target.value)}>
                {rows.map((r) => (
                  <option key={r.id} value={r.id}>
                    {label(r.id)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("to")}{" "}
              <select value={b} onChange={(e) => setB(e.target.value)}>
                <option value={EDITOR}>{t("editor")}</option>
                {rows.map((r) => (
                  <option key={r.id} value={r.id}>
                    {label(r.id)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" onClick={() => void compare()} disabled={busy}>
              {t("compare")}
            </button>
          </div>
          {diff ? (
            <CodeDiff
              before={diff.before}
              after={diff.after}
              label={t("diffLabel")}
              beforeLabel={diff.beforeLabel}
              afterLabel={diff.afterLabel}
              identicalText={t("identical")}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
