"use client";
/**
 * The student's workspace for one exercise: the prompt, a resizable split, the editor
 * (Monaco owns the text, see useDraft), Run and Submit with live status, the results
 * and the submission history. On a phone the three parts are tabs (Prompt / Code /
 * Results) with Run and Submit fixed at the bottom.
 */

import dynamic from "next/dynamic";
import { useCallback, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { pick } from "@/app/_components/results/CaseResults";
import type { EditorMarker, MonacoCodeEditor } from "@/app/_components/editor/CodeEditor";
import type { CountedScore as Counted } from "@/app/_lib/student/dashboard";
import { CountedScore } from "@/app/_components/results/CountedScore";
import type { Bilingual, DraftView, SubmissionSummary, SubmissionView } from "@/app/_lib/student/types";
import { ApiError, exerciseApi } from "./api";
import { HistoryPanel } from "./HistoryPanel";
import PromptPane from "./PromptPane";
import { TryPanel } from "./TryPanel";
import type { TryExample } from "@/exercises/sync";
import { ResultsPanel, type ResultTab } from "./ResultsPanel";
import { SplitHandle } from "./SplitHandle";
import { SaveIndicator, Toolbar } from "./Toolbar";
import { useDarkMode } from "./useDarkMode";
import { useDraft } from "./useDraft";
import { useRun } from "./useRun";
import { useShortcuts } from "./useShortcuts";
import { useSubmission } from "./useSubmission";
import styles from "./workspace.module.css";

const loadEditor = () => import("@/app/_components/editor/CodeEditor");
// Start fetching Monaco as soon as this module runs in the browser, in parallel with hydration.
if (typeof window !== "undefined") void loadEditor();
const CodeEditor = dynamic(loadEditor, { ssr: false, loading: () => <EditorLoading /> });

function EditorLoading() {
  const t = useTranslations("student.exercise");
  return <div className={styles.editorLoading}>{t("editorLoading")}</div>;
}

export interface ExerciseWorkspaceProps {
  courseId: string;
  assignmentId: string;
  exerciseId: string;
  section: string;
  title: string;
  prompts: Bilingual;
  declaration: string;
  starter: string;
  initialDraft: DraftView;
  initialHistory: SubmissionSummary[];
  initialLatest: SubmissionView | null;
  argNames: string[];
  /** Starting points for the scratchpad (ExerciseVersion.metaJson). */
  tryExamples: TryExample[];
  dueAt: string;
  closesAt: string;
  attemptLimit: number | null;
  attemptsUsed: number;
  /** The score that counts (as on the dashboard, with a staff override and its reason); null before any graded submit. */
  counted: Counted | null;
  lateNow: { lateDays: number; penalty: number; closed: boolean };
}

/** On a phone: which of the three parts is shown. */
type View = "prompt" | "code" | "results";
const VIEWS: View[] = ["prompt", "code", "results"];

export function ExerciseWorkspace(props: ExerciseWorkspaceProps) {
  const t = useTranslations("student.exercise");
  const locale = useLocale();
  const api = useMemo(
    () => exerciseApi(props.courseId, props.assignmentId, props.exerciseId),
    [props.courseId, props.assignmentId, props.exerciseId],
  );
  const draft = useDraft(props.initialDraft.code, api.saveDraft, api.draftUrl);
  const [dark, setDark] = useDarkMode();
  const [ready, setReady] = useState(false);
  const [tab, setTab] = useState<ResultTab>(props.initialLatest ? "submit" : "run");
  const [view, setView] = useState<View>("code");
  const [error, setError] = useState<string | null>(null);

  const showError = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.bilingual) setError(pick(e.bilingual, locale));
      else if (e instanceof ApiError && e.status === 401) setError(t("signedOut"));
      else setError(t("networkError"));
    },
    [locale, t],
  );
  const run = useRun(api, draft.code, showError);
  const submission = useSubmission(api, draft.code, {
    initialLatest: props.initialLatest,
    initialHistory: props.initialHistory,
    attemptsUsed: props.attemptsUsed,
    onSubmitted: draft.markSaved,
    onError: showError,
  });

  const attemptsLeft = props.attemptLimit === null ? null : Math.max(0, props.attemptLimit - submission.used);
  const closed = props.lateNow.closed;
  const canSubmit = !closed && attemptsLeft !== 0;

  const doRun = useCallback(() => {
    if (!ready) return;
    setError(null);
    setTab("run");
    setView((v) => (v === "prompt" ? "results" : v));
    void run.run();
  }, [ready, run]);
  const doSubmit = useCallback(() => {
    if (!ready || !canSubmit || submission.inFlight) return;
    const { lateDays, penalty } = props.lateNow;
    if (lateDays > 0 && !window.confirm(t("lateConfirm", { days: lateDays, percent: Math.round(penalty * 100) })))
      return;
    setError(null);
    setTab("submit");
    setView((v) => (v === "prompt" ? "results" : v));
    void submission.submit();
  }, [ready, canSubmit, submission, props.lateNow, t]);
  useShortcuts({ run: doRun, submit: doSubmit });

  const resetToStarter = async () => {
    if (!window.confirm(t("resetConfirm"))) return;
    try {
      const d = await api.resetDraft();
      draft.replace(d.code, true);
    } catch (e) {
      showError(e);
    }
  };

  const shown = tab === "run" ? run.result : submission.submission;
  const compileError = shown && "result" in shown ? ((shown as SubmissionView).result?.compileError ?? null) : null;
  const markers: EditorMarker[] = useMemo(
    () =>
      compileError && compileError.line
        ? [{ line: compileError.line, column: compileError.column, message: pick(compileError.message, locale) }]
        : [],
    [compileError, locale],
  );
  const onEditorReady = useCallback(
    (editor: MonacoCodeEditor) => {
      draft.attach(editor);
      performance.mark("gibbs:editor-ready");
      setReady(true);
    },
    [draft],
  );
  const saveIndicator = useMemo(() => <SaveIndicator draft={draft} />, [draft]);
  const tryPanel = useMemo(
    () => (
      <TryPanel
        api={api}
        code={draft.code}
        argNames={props.argNames}
        examples={props.tryExamples}
        ready={ready}
        onError={showError}
      />
    ),
    [api, draft.code, props.argNames, props.tryExamples, ready, showError],
  );

  const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = isMac ? "⌘" : "Ctrl";

  return (
    <div
      className={styles.workspace}
      data-editor-ready={ready ? "true" : "false"}
      data-run-seq={run.seq}
      data-view={view}
      data-testid="workspace"
    >
      <div className={styles.viewTabs} role="group" aria-label={t("viewsLabel")}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            className="button button--quiet"
            onClick={() => setView(v)}
            data-testid={`view-${v}`}
          >
            {t(`view.${v}`)}
          </button>
        ))}
      </div>
      <section className={styles.promptPane} aria-labelledby="exercise-title">
        <PromptPane section={props.section} title={props.title} prompts={props.prompts} />
      </section>
      <SplitHandle label={t("splitLabel")} />
      <section className={styles.workPane} aria-label={t("workArea")}>
        <div className={styles.codeArea}>
          <Toolbar
            mod={mod}
            ready={ready}
            running={run.running}
            submitting={submission.inFlight}
            canSubmit={canSubmit}
            dark={dark}
            onRun={doRun}
            onSubmit={doSubmit}
            onReset={() => void resetToStarter()}
            onDark={setDark}
          />
          <p className={styles.policy} data-testid="attempts" data-used={submission.used}>
            {attemptsLeft === null
              ? t("attemptsUnlimited", { used: submission.used })
              : t("attemptsLeft", { left: attemptsLeft, limit: props.attemptLimit ?? 0 })}
            {" · "}
            {closed
              ? t("closed")
              : props.lateNow.lateDays > 0
                ? t("lateNow", { days: props.lateNow.lateDays, percent: Math.round(props.lateNow.penalty * 100) })
                : t("onTime")}
            {props.counted ? (
              <>
                {" · "}
                <CountedScore counted={props.counted} />
              </>
            ) : null}
          </p>
          <div className={styles.editor} data-testid="editor">
            <CodeEditor
              initialCode={props.initialDraft.code}
              onChange={draft.changed}
              declaration={props.declaration}
              dark={dark}
              ariaLabel={t("editorLabel")}
              markers={markers}
              onReady={onEditorReady}
              positionLabel={t.raw("cursorPosition") as string}
              status={saveIndicator}
            />
          </div>
          <p className={`${styles.keys} ${styles.kbdHint}`}>{t("keyboardHelp", { mod })}</p>
        </div>
        <div className={styles.resultsArea}>
          {error ? (
            <p className="alert alert--error" role="alert" data-testid="error">
              {error}
            </p>
          ) : null}
          <ResultsPanel
            tab={tab}
            onTab={setTab}
            mod={mod}
            courseId={props.courseId}
            argNames={props.argNames}
            run={{ result: run.result, ms: run.ms }}
            submission={{ current: submission.submission, ms: submission.ms }}
            tryPanel={tryPanel}
          />
          <HistoryPanel
            rows={submission.history}
            currentCode={draft.code}
            onRestore={(c) => draft.replace(c, false)}
            courseId={props.courseId}
          />
        </div>
      </section>
    </div>
  );
}
