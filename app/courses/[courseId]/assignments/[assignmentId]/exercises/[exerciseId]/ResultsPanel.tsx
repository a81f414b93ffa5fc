"use client";
/** The result tabs (Run: visible cases; Submission: hidden cases; Try: the scratchpad) as an ARIA tablist with arrow keys and real tabpanels. */

import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CaseResults } from "@/app/_components/results/CaseResults";
import { ResultSummary, statusKey } from "@/app/_components/results/ResultSummary";
import type { SubmissionSummary, SubmissionView } from "@/app/_lib/student/types";
import styles from "./workspace.module.css";

export type ResultTab = "run" | "submit" | "try";
const TABS: ResultTab[] = ["run", "submit", "try"];

export interface ResultsPanelProps {
  tab: ResultTab;
  onTab: (tab: ResultTab) => void;
  mod: string;
  courseId: string;
  argNames: string[];
  run: { result: SubmissionView | null; ms: number | null };
  submission: { current: SubmissionView | SubmissionSummary | null; ms: number | null };
  /** The scratchpad, rendered by the workspace (it owns the editor's text). */
  tryPanel: ReactNode;
}

export function ResultsPanel(p: ResultsPanelProps) {
  const t = useTranslations("student.exercise");
  const tabs = useRef<Record<ResultTab, HTMLButtonElement | null>>({ run: null, submit: null, try: null });
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(p.tab);
    const next =
      e.key === "ArrowRight"
        ? TABS[(i + 1) % TABS.length]
        : e.key === "ArrowLeft"
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : e.key === "Home"
            ? TABS[0]
            : e.key === "End"
              ? TABS[TABS.length - 1]
              : null;
    if (!next) return;
    e.preventDefault();
    p.onTab(next);
    tabs.current[next]?.focus();
  };
  const label = (tab: ResultTab) =>
    tab === "run" ? t("runResults") : tab === "submit" ? t("submitResults") : t("tryTab");
  return (
    <section className={styles.results} aria-label={t("resultsLabel")}>
      <div className={styles.tabs} role="tablist" aria-label={t("resultsLabel")} onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              tabs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`results-tab-${tab}`}
            aria-controls={`results-panel-${tab}`}
            aria-selected={p.tab === tab}
            tabIndex={p.tab === tab ? 0 : -1}
            className="button button--quiet"
            onClick={() => p.onTab(tab)}
          >
            {label(tab)}
          </button>
        ))}
      </div>
      <Panel tab="run" selected={p.tab} testId="run-results" data={{ "data-run-ms": p.run.ms ?? undefined }}>
        <Result
          shown={p.run.result}
          empty={t("runHint", { key: `${p.mod}+Enter` })}
          after={p.run.ms !== null ? <span className="muted"> · {t("took", { ms: p.run.ms })}</span> : null}
          argNames={p.argNames}
        />
      </Panel>
      <Panel
        tab="submit"
        selected={p.tab}
        testId="submit-results"
        data={{ "data-submit-ms": p.submission.ms ?? undefined }}
      >
        <Result
          shown={p.submission.current}
          empty={t("submitHint", { key: `${p.mod}+Shift+Enter` })}
          after={
            p.submission.current ? (
              <span className="muted">
                {" · "}
                <a
                  href={`/courses/${encodeURIComponent(p.courseId)}/submissions/${encodeURIComponent(p.submission.current.id)}`}
                >
                  {t("openSubmission")}
                </a>
              </span>
            ) : null
          }
          argNames={p.argNames}
        />
      </Panel>
      <Panel tab="try" selected={p.tab} testId="try-results" data={{}} live={false}>
        {p.tryPanel}
      </Panel>
    </section>
  );
}

function Panel({
  tab,
  selected,
  testId,
  data,
  live = true,
  children,
}: {
  tab: ResultTab;
  selected: ResultTab;
  testId: string;
  /** Timing attributes the tests read. */
  data: Record<string, number | undefined>;
  /** Announce changes (results); not for a panel the reader types in. */
  live?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={`results-panel-${tab}`}
      aria-labelledby={`results-tab-${tab}`}
      hidden={selected !== tab}
      tabIndex={0}
      aria-live={live ? "polite" : undefined}
      data-testid={testId}
      {...data}
    >
      {children}
    </div>
  );
}

function Result({
  shown,
  empty,
  after,
  argNames,
}: {
  shown: SubmissionView | SubmissionSummary | null;
  empty: string;
  after: ReactNode;
  argNames: string[];
}) {
  const t = useTranslations("student.results");
  const tx = useTranslations("student.exercise");
  if (!shown) return <p className="muted">{empty}</p>;
  const full = "result" in shown ? shown : null;
  const queue = !full && "queue" in shown ? shown.queue : null;
  return (
    <>
      <p className={styles.status} data-testid="live-status" data-status={shown.status}>
        {t(`status.${statusKey(full ?? shown)}`)}
        {queue ? (
          <span className="muted" data-testid="queue-position">
            {" · "}
            {queue.estimatedWaitSeconds === null
              ? tx("queuePositionNoEstimate", { position: queue.position })
              : tx("queuePosition", { position: queue.position, seconds: queue.estimatedWaitSeconds })}
          </span>
        ) : null}
        {full ? after : null}
      </p>
      {full ? (
        <>
          <ResultSummary submission={full} />
          {full.result ? <CaseResults cases={full.result.cases} argNames={argNames} /> : null}
        </>
      ) : null}
    </>
  );
}
