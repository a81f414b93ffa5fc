"use client";
/**
 * The student's workspace for one exercise: prompt (zh/en), editor, Run and
 * Submit with live status and results, and the submission history.
 */

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { editor as MonacoEditor } from "monaco-editor";
import { Markdown, withoutTitle } from "@/app/_components/markdown/Markdown";
import { CaseResults, pick } from "@/app/_components/results/CaseResults";
import { ResultSummary } from "@/app/_components/results/ResultSummary";
import type { EditorMarker } from "@/app/_components/editor/CodeEditor";
import type { Bilingual, DraftView, SubmissionSummary, SubmissionView } from "@/app/_lib/student/types";
import { ApiError, exerciseApi, submissionApi } from "./api";
import { HistoryPanel } from "./HistoryPanel";
import styles from "./workspace.module.css";

const loadEditor = () => import("@/app/_components/editor/CodeEditor");
// Start fetching Monaco as soon as this module runs in the browser, in parallel with hydration.
if (typeof window !== "undefined") void loadEditor();
const CodeEditor = dynamic(loadEditor, { ssr: false, loading: () => <EditorLoading /> });

function EditorLoading() {
  const t = useTranslations("student.exercise");
  return <div className={styles.editorLoading}>{t("editorLoading")}</div>;
}

const AUTOSAVE_MS = 800;
const POLL_MS = 250;

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
  dueAt: string;
  closesAt: string;
  attemptLimit: number | null;
  attemptsUsed: number;
  lateNow: { lateDays: number; penalty: number; closed: boolean };
}

type SaveState = "saved" | "saving" | "unsaved" | "error";
type Panel = "run" | "submit";

function useDarkMode(): [boolean, (v: boolean) => void] {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const stored = localStorage.getItem("gibbs-editor-theme");
    const mq = window.matchMedia("(prefers-color-scheme: dark)");
    setDark(stored ? stored === "dark" : mq.matches);
  }, []);
  const set = (v: boolean) => {
    localStorage.setItem("gibbs-editor-theme", v ? "dark" : "light");
    setDark(v);
  };
  return [dark, set];
}

export function ExerciseWorkspace(props: ExerciseWorkspaceProps) {
  const t = useTranslations("student.exercise");
  const locale = useLocale();
  const api = useMemo(
    () => exerciseApi(props.courseId, props.assignmentId, props.exerciseId),
    [props.courseId, props.assignmentId, props.exerciseId],
  );
  const [promptLang, setPromptLang] = useState<"en" | "zh">(locale === "zh-CN" ? "zh" : "en");
  const [code, setCode] = useState(props.initialDraft.code);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [dark, setDark] = useDarkMode();
  const [ready, setReady] = useState(false);
  const [panel, setPanel] = useState<Panel>(props.initialLatest ? "submit" : "run");
  const [runResult, setRunResult] = useState<SubmissionView | null>(null);
  const [runMs, setRunMs] = useState<number | null>(null);
  /** Completed runs on this page (lets tests and assistive tech tell a new result from the last one). */
  const [runSeq, setRunSeq] = useState(0);
  const [running, setRunning] = useState(false);
  const [submission, setSubmission] = useState<SubmissionView | SubmissionSummary | null>(props.initialLatest);
  const [submitMs, setSubmitMs] = useState<number | null>(null);
  const [historyRows, setHistoryRows] = useState(props.initialHistory);
  const [used, setUsed] = useState(props.attemptsUsed);
  const [error, setError] = useState<string | null>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const codeRef = useRef(code);
  codeRef.current = code;
  /** The code as it is in the editor now: a paste followed at once by Ctrl+Shift+Enter must not submit the text of the last render. */
  const currentCode = () => editorRef.current?.getValue() ?? codeRef.current;

  const showError = (e: unknown) => {
    if (e instanceof ApiError && e.bilingual) setError(pick(e.bilingual, locale));
    else if (e instanceof ApiError && e.status === 401) setError(t("signedOut"));
    else setError(t("networkError"));
  };

  // ---- drafts: debounced autosave; flush on leaving the page
  const saveNow = useCallback(async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    setSaveState("saving");
    try {
      await api.saveDraft(currentCode());
      setSaveState("saved");
    } catch {
      setSaveState("error");
    }
  }, [api]);

  const onChange = (next: string) => {
    setCode(next);
    setSaveState("unsaved");
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(saveNow, AUTOSAVE_MS);
  };

  useEffect(() => {
    const flush = () => {
      if (saveTimer.current) {
        clearTimeout(saveTimer.current);
        void fetch(
          `/api/student/courses/${encodeURIComponent(props.courseId)}/assignments/${encodeURIComponent(props.assignmentId)}/exercises/${encodeURIComponent(props.exerciseId)}/draft`,
          {
            method: "PUT",
            body: JSON.stringify({ code: currentCode() }),
            headers: { "content-type": "application/json" },
            keepalive: true,
          },
        );
      }
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [props.courseId, props.assignmentId, props.exerciseId]);

  const replaceCode = (next: string) => {
    const ed = editorRef.current;
    if (ed) {
      // Through an edit, so Ctrl+Z brings the previous code back.
      const model = ed.getModel();
      if (model) ed.executeEdits("gibbs", [{ range: model.getFullModelRange(), text: next }]);
      ed.focus();
    }
    setCode(next);
  };

  const resetToStarter = async () => {
    if (!window.confirm(t("resetConfirm"))) return;
    try {
      const d = await api.resetDraft();
      replaceCode(d.code);
      setSaveState("saved");
    } catch (e) {
      showError(e);
    }
  };

  // ---- run
  const doRun = useCallback(async () => {
    if (running) return;
    setRunning(true);
    setError(null);
    setPanel("run");
    const t0 = performance.now();
    try {
      const r = await api.run(currentCode());
      setRunMs(Math.round(performance.now() - t0));
      setRunResult(r);
      setRunSeq((n) => n + 1);
    } catch (e) {
      showError(e);
    } finally {
      setRunning(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, running, locale]);

  // ---- submit, then poll until graded
  const pollToken = useRef(0);
  const follow = useCallback(
    async (id: string, t0: number) => {
      const token = ++pollToken.current;
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (token !== pollToken.current) return;
        try {
          const s = await submissionApi.status(id);
          if (s.status === "graded" || s.status === "error") {
            const full = await submissionApi.get(id);
            setSubmitMs(Math.round(performance.now() - t0));
            setSubmission(full);
            setHistoryRows(await api.history());
            return;
          }
          setSubmission((prev) => (prev && prev.id === id && "result" in prev ? prev : s));
        } catch {
          // transient: keep polling
        }
      }
    },
    [api],
  );

  useEffect(() => {
    const s = props.initialLatest;
    if (s && (s.status === "queued" || s.status === "running")) void follow(s.id, performance.now());
    return () => {
      pollToken.current++;
    };
  }, [props.initialLatest, follow]);

  const doSubmit = useCallback(async () => {
    setError(null);
    setPanel("submit");
    const t0 = performance.now();
    try {
      const s = await api.submit(currentCode());
      setSubmission(s);
      setSubmitMs(null);
      setUsed((u) => u + 1);
      setSaveState("saved");
      setHistoryRows(await api.history());
      void follow(s.id, t0);
    } catch (e) {
      showError(e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, follow, locale]);

  const shown = panel === "run" ? runResult : submission;
  const full = shown && "result" in shown ? (shown as SubmissionView) : null;
  const markers: EditorMarker[] = useMemo(() => {
    const ce = full?.result?.compileError;
    return ce && ce.line ? [{ line: ce.line, column: ce.column, message: pick(ce.message, locale) }] : [];
  }, [full, locale]);

  const attemptsLeft = props.attemptLimit === null ? null : Math.max(0, props.attemptLimit - used);
  const closed = props.lateNow.closed;
  const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = isMac ? "⌘" : "Ctrl";

  return (
    <div
      className={styles.workspace}
      data-editor-ready={ready ? "true" : "false"}
      data-run-seq={runSeq}
      data-testid="workspace"
    >
      <section className={styles.promptPane} aria-labelledby="exercise-title">
        <header className={styles.promptHeader}>
          <h1 id="exercise-title">
            <span className="muted">{props.section}</span> {props.title}
          </h1>
          <div role="group" aria-label={t("promptLanguage")} className={styles.toggle}>
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={promptLang === "en"}
              onClick={() => setPromptLang("en")}
              lang="en"
              data-testid="prompt-lang-en"
            >
              English
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={promptLang === "zh"}
              onClick={() => setPromptLang("zh")}
              lang="zh-CN"
              data-testid="prompt-lang-zh"
            >
              中文
            </button>
          </div>
        </header>
        <div lang={promptLang === "zh" ? "zh-CN" : "en"} data-testid="prompt">
          <Markdown source={withoutTitle(promptLang === "zh" ? props.prompts.zh : props.prompts.en)} />
        </div>
        <HistoryPanel
          rows={historyRows}
          currentCode={code}
          onRestore={(c) => replaceCode(c)}
          courseId={props.courseId}
        />
      </section>

      <section className={styles.workPane} aria-label={t("workArea")}>
        <div className={styles.toolbar} role="toolbar" aria-label={t("toolbar")}>
          <button
            type="button"
            className="button"
            onClick={doRun}
            disabled={running || !ready}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            data-testid="run"
          >
            {running ? t("running") : t("run")} <kbd>{mod}+↵</kbd>
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={doSubmit}
            disabled={!ready || closed || attemptsLeft === 0}
            aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
            data-testid="submit"
          >
            {t("submit")} <kbd>{mod}+⇧+↵</kbd>
          </button>
          <button type="button" className="button button--quiet" onClick={resetToStarter} data-testid="reset">
            {t("reset")}
          </button>
          <label className={styles.themeSwitch}>
            <input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} /> {t("darkTheme")}
          </label>
          <span className={styles.meta} aria-live="polite" data-testid="save-state" data-state={saveState}>
            {t(`save.${saveState}`)}
          </span>
        </div>
        <p className={styles.policy}>
          {attemptsLeft === null
            ? t("attemptsUnlimited", { used })
            : t("attemptsLeft", { left: attemptsLeft, limit: props.attemptLimit ?? 0 })}
          {" · "}
          {closed
            ? t("closed")
            : props.lateNow.lateDays > 0
              ? t("lateNow", { days: props.lateNow.lateDays, percent: Math.round(props.lateNow.penalty * 100) })
              : t("onTime")}
        </p>
        <div className={styles.editor} data-testid="editor">
          <CodeEditor
            value={code}
            onChange={onChange}
            declaration={props.declaration}
            dark={dark}
            ariaLabel={t("editorLabel")}
            onRun={doRun}
            onSubmit={doSubmit}
            markers={markers}
            onReady={() => setReady(true)}
            editorRef={editorRef}
          />
        </div>
        <p className={styles.keys}>{t("keyboardHelp", { mod })}</p>
        {error ? (
          <p className="alert alert--error" role="alert" data-testid="error">
            {error}
          </p>
        ) : null}
        <section className={styles.results} aria-labelledby="results-title">
          <div className={styles.tabs} role="tablist" aria-label={t("resultsLabel")}>
            <button
              type="button"
              role="tab"
              aria-selected={panel === "run"}
              className="button button--quiet"
              onClick={() => setPanel("run")}
            >
              {t("runResults")}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={panel === "submit"}
              className="button button--quiet"
              onClick={() => setPanel("submit")}
            >
              {t("submitResults")}
            </button>
          </div>
          <h2 id="results-title" className="visually-hidden">
            {panel === "run" ? t("runResults") : t("submitResults")}
          </h2>
          <div
            aria-live="polite"
            data-testid={panel === "run" ? "run-results" : "submit-results"}
            data-run-ms={runMs ?? undefined}
            data-submit-ms={submitMs ?? undefined}
          >
            {!shown ? (
              <p className="muted">
                {panel === "run"
                  ? t("runHint", { key: `${mod}+Enter` })
                  : t("submitHint", { key: `${mod}+Shift+Enter` })}
              </p>
            ) : !full ? (
              <p className={styles.status} data-testid="live-status" data-status={shown.status}>
                {t(`status.${shown.status}`)}
                {shown.queue ? (
                  <span className="muted" data-testid="queue-position">
                    {" · "}
                    {shown.queue.estimatedWaitSeconds === null
                      ? t("queuePositionNoEstimate", { position: shown.queue.position })
                      : t("queuePosition", {
                          position: shown.queue.position,
                          seconds: shown.queue.estimatedWaitSeconds,
                        })}
                  </span>
                ) : null}
              </p>
            ) : (
              <>
                <p className={styles.status} data-testid="live-status" data-status={full.status}>
                  {t(`status.${full.status}`)}
                  {panel === "run" && runMs !== null ? (
                    <span className="muted"> · {t("took", { ms: runMs })}</span>
                  ) : null}
                  {panel === "submit" ? (
                    <span className="muted">
                      {" · "}
                      <a
                        href={`/courses/${encodeURIComponent(props.courseId)}/submissions/${encodeURIComponent(full.id)}`}
                      >
                        {t("openSubmission")}
                      </a>
                    </span>
                  ) : null}
                </p>
                <ResultSummary submission={full} />
                {full.result ? <CaseResults cases={full.result.cases} argNames={props.argNames} /> : null}
              </>
            )}
          </div>
        </section>
      </section>
    </div>
  );
}
