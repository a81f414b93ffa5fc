"use client";
/**
 * The scratchpad: the student's code on arguments they type (a JSON array, one element per
 * parameter) or start from an example. It runs in the sandbox like Run, on Run's budget, with
 * no attempt spent; the panel shows the output and the console, never an expected value.
 */

import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { pick } from "@/app/_components/results/CaseResults";
import { FailureNote } from "@/app/_components/results/ResultSummary";
import { ValueView } from "@/app/_components/results/ValueView";
import type { SubmissionView } from "@/app/_lib/student/types";
import type { TryExample } from "@/exercises/sync";
import type { ExerciseApi } from "./api";
import results from "@/app/_components/results/Results.module.css";
import styles from "./workspace.module.css";

export interface TryPanelProps {
  api: ExerciseApi;
  code: () => string;
  argNames: string[];
  examples: TryExample[];
  ready: boolean;
  onError: (e: unknown) => void;
}

export function TryPanel(p: TryPanelProps) {
  const t = useTranslations("student.try");
  const locale = useLocale();
  const id = useId();
  const [text, setText] = useState(p.examples[0]?.args ?? "[]");
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SubmissionView | null>(null);
  const tryIt = async () => {
    setRunning(true);
    try {
      setResult(await p.api.tryArgs(p.code(), text));
    } catch (e) {
      p.onError(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <div className={styles.tryPanel} data-testid="try-panel">
      <p className="muted">{t("intro")}</p>
      {p.examples.length ? (
        <label className={styles.tryRow}>
          {t("startFrom")}{" "}
          <select
            defaultValue="0"
            data-testid="try-example"
            onChange={(e) => {
              const ex = p.examples[Number(e.target.value)];
              if (ex) setText(ex.args);
            }}
          >
            {p.examples.map((ex, i) => (
              <option key={i} value={i}>
                {t("example", { name: pick(ex.name, locale), seed: ex.seed })}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label htmlFor={`${id}-args`} className={styles.tryRow}>
        {t("arguments", { names: p.argNames.join(", ") })}
      </label>
      <textarea
        id={`${id}-args`}
        className={styles.tryArgs}
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
        rows={6}
        data-testid="try-args"
      />
      <p>
        <button
          type="button"
          className="button"
          onClick={() => void tryIt()}
          disabled={!p.ready || running}
          data-testid="try-run"
        >
          {running ? t("running") : t("run")}
        </button>
      </p>
      {result ? <TryOutput view={result} /> : null}
    </div>
  );
}

function TryOutput({ view }: { view: SubmissionView }) {
  const t = useTranslations("student.try");
  const tr = useTranslations("student.results");
  const locale = useLocale();
  const r = view.result;
  if (view.status === "error" || !r) return <p className="alert alert--error">{tr("gradingFailed")}</p>;
  const c = r.cases[0];
  return (
    <div data-testid="try-output" data-status={c?.status ?? r.status}>
      <FailureNote result={r} />
      {c && c.status !== "ran" ? (
        <p className="alert alert--error" role="alert">
          <span className={results.pre}>{pick(c.message, locale)}</span>
        </p>
      ) : null}
      {c?.detail?.actual !== undefined ? (
        <section>
          <h4>{t("output")}</h4>
          <ValueView value={c.detail.actual} label={t("output")} />
        </section>
      ) : null}
      {c?.detail?.console ? (
        <section>
          <h4>{tr("console")}</h4>
          <pre className={results.console}>{c.detail.console}</pre>
        </section>
      ) : null}
    </div>
  );
}
