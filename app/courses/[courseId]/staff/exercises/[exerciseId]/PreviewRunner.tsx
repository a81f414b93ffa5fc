"use client";
/**
 * Run and Submit in "preview as student" (instructors): the student's editor with the starter
 * code, Run (visible cases) and Submit (hidden cases) through the real grader. The results are
 * shown with every case's details; the submissions are flagged as staff previews.
 */

import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { MonacoCodeEditor } from "@/app/_components/editor/CodeEditor";
import { CaseResults, pick } from "@/app/_components/results/CaseResults";
import { formatScore } from "@/app/_components/results/ValueView";
import type { PreviewResult } from "@/app/_lib/staff/preview";
import { ApiError, call } from "@/app/courses/[courseId]/assignments/[assignmentId]/exercises/[exerciseId]/api";
import { useDarkMode } from "@/app/courses/[courseId]/assignments/[assignmentId]/exercises/[exerciseId]/useDarkMode";
import styles from "../../staff.module.css";

const CodeEditor = dynamic(() => import("@/app/_components/editor/CodeEditor"), { ssr: false });

export function PreviewRunner({
  courseId,
  exerciseId,
  starter,
  declaration,
  argNames,
}: {
  courseId: string;
  exerciseId: string;
  starter: string;
  declaration: string;
  argNames: string[];
}) {
  const t = useTranslations("staff.exercises");
  const tx = useTranslations("student.exercise");
  const locale = useLocale();
  const [dark] = useDarkMode();
  const editor = useRef<MonacoCodeEditor | null>(null);
  const [busy, setBusy] = useState<"run" | "submit" | null>(null);
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const grade = async (kind: "run" | "submit") => {
    const code = editor.current?.getValue() ?? starter;
    setBusy(kind);
    setError(null);
    try {
      setResult(
        await call<PreviewResult>(
          `/api/staff/courses/${encodeURIComponent(courseId)}/exercises/${encodeURIComponent(exerciseId)}/preview?kind=${kind}`,
          { method: "POST", body: JSON.stringify({ code }) },
        ),
      );
    } catch (e) {
      setError(e instanceof ApiError && e.bilingual ? pick(e.bilingual, locale) : t("previewFailed"));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="pv-run-title" className={styles.section}>
      <h2 id="pv-run-title">{t("previewRun")}</h2>
      <p className="muted">{t("previewRunHint")}</p>
      <div className={styles.previewEditor}>
        <CodeEditor
          initialCode={starter}
          onChange={() => {}}
          declaration={declaration}
          dark={dark}
          ariaLabel={tx("editorLabel")}
          markers={[]}
          onReady={(e) => {
            editor.current = e;
          }}
          positionLabel={tx.raw("cursorPosition") as string}
        />
      </div>
      <p className={styles.row}>
        <button
          className="button"
          type="button"
          disabled={busy !== null}
          onClick={() => void grade("run")}
          data-testid="preview-run"
        >
          {busy === "run" ? t("previewGrading") : t("previewRunButton")}
        </button>
        <button
          className="button button--primary"
          type="button"
          disabled={busy !== null}
          onClick={() => void grade("submit")}
          data-testid="preview-submit"
        >
          {busy === "submit" ? t("previewGrading") : t("previewSubmitButton")}
        </button>
      </p>
      <div aria-live="polite">
        {error ? (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        ) : null}
        {result ? (
          <div data-testid="preview-result" data-kind={result.kind}>
            <p>
              <strong>{t(result.kind === "run" ? "previewRunResult" : "previewSubmitResult")}</strong>{" "}
              {result.result ? `${formatScore(result.result.score)} / ${formatScore(result.result.maxScore)}` : null}
              {result.result?.message ? ` · ${pick(result.result.message, locale)}` : null}
            </p>
            {result.status === "error" ? <p className="alert alert--warn">{t("previewGraderError")}</p> : null}
            {result.result ? <CaseResults cases={result.result.cases} argNames={argNames} openFailed /> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
