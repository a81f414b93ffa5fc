"use client";
/**
 * The lab's controls and results: which code (draft, best submission, or the reference when
 * allowed), the lab's settings, Run / Pause / Stop with progress and ETA, the student-facing
 * error, and the figures, which stay on screen after the run ends.
 */

import { useCallback, useEffect, useRef, useState } from "react";
import { useHydrated } from "@/app/_components/browser/useBrowserValue";
import { useLocale, useTranslations } from "next-intl";
import type { LabId } from "@/labs/catalogue";
import { labById } from "@/labs/catalogue";
import type { Bilingual } from "@/grader/spec";
import type { FromWorker, LabCode } from "@/labs/protocol";
import { LabRun, type RunView, type WorkerPort } from "@/labs/runner";
import { LAB_PARAMS, defaults } from "./params";
import { HopfieldFigures } from "./HopfieldFigures";
import { BoltzmannFigures } from "./BoltzmannFigures";
import { RbmFigures } from "./RbmFigures";
import { DaeFigures } from "./DaeFigures";
import styles from "./lab.module.css";

type Source = "draft" | "best" | "reference";

export interface LabWorkbenchProps {
  lab: LabId;
  codeUrl: string;
  digitsUrl: string;
  referenceAllowed: boolean;
  defaultSource: Source;
}

export type LabResult = Record<string, unknown>;

export function LabWorkbench({ lab, codeUrl, digitsUrl, referenceAllowed, defaultSource }: LabWorkbenchProps) {
  const t = useTranslations("labs");
  const zh = useLocale() === "zh-CN";
  const say = useCallback((b: Bilingual) => (zh ? b.zh : b.en), [zh]);
  const [source, setSource] = useState<Source>(defaultSource);
  const [params, setParams] = useState<Record<string, unknown>>(() => defaults(lab));
  const [view, setView] = useState<RunView | null>(null);
  const [loading, setLoading] = useState(false);
  const [problems, setProblems] = useState<Record<string, Bilingual>>({});
  const [result, setResult] = useState<LabResult>({});
  const [warnings, setWarnings] = useState<Bilingual[]>([]);
  const run = useRef<LabRun | null>(null);
  // true once hydrated, so that tests (and people) never click a button that is not wired yet
  const ready = useHydrated();

  useEffect(() => () => run.current?.stop(), []);

  const start = async () => {
    run.current?.stop();
    setLoading(true);
    setProblems({});
    setView(null);
    let body: { code: LabCode; problems: Record<string, Bilingual> };
    try {
      const res = await fetch(`${codeUrl}?source=${source}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      body = (await res.json()) as typeof body;
    } catch (e) {
      setLoading(false);
      setProblems({
        "": {
          en: `Could not fetch the code (${(e as Error).message}); try again.`,
          zh: `无法获取代码（${(e as Error).message}），请重试。`,
        },
      });
      return;
    }
    setLoading(false);
    if (Object.keys(body.problems).length) {
      setProblems(body.problems);
      return;
    }
    setResult({});
    setWarnings([]);
    const worker = new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module", name: `lab-${lab}` });
    const port: WorkerPort = {
      postMessage: (m) => worker.postMessage(m),
      terminate: () => worker.terminate(),
      onmessage: null,
      onerror: null,
    };
    worker.onmessage = (ev: MessageEvent<FromWorker>) => port.onmessage?.({ data: ev.data });
    worker.onerror = (ev) => port.onerror?.({ message: ev.message });
    run.current = new LabRun(
      port,
      { type: "start", lab, params, code: body.code, digitsUrl },
      {
        timeLimitMs: labById(lab)!.timeLimitMs,
        onView: setView,
        onMessage: (m) => {
          if (m.type === "update") setResult((r) => ({ ...r, ...m.patch }));
          if (m.type === "warning") setWarnings((w) => [...w, m.message]);
        },
      },
    );
  };

  // the elapsed time and ETA keep moving between progress messages
  const liveState = view?.state;
  useEffect(() => {
    if (liveState !== "running" && liveState !== "pausing") return;
    const id = setInterval(() => run.current && setView(run.current.current), 500);
    return () => clearInterval(id);
  }, [liveState]);

  const active = view !== null && (view.state === "running" || view.state === "pausing" || view.state === "paused");
  const percent = view ? Math.round((100 * view.done) / Math.max(view.total, 1e-9)) : 0;

  return (
    <div className={styles.workbench} data-testid="lab-workbench" data-ready={String(ready)}>
      <form
        className={`card ${styles.controls}`}
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset className={styles.sources}>
          <legend>{t("source.legend")}</legend>
          {(["draft", "best", ...(referenceAllowed ? ["reference"] : [])] as Source[]).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="source"
                value={s}
                checked={source === s}
                disabled={active}
                onChange={() => setSource(s)}
              />{" "}
              {t(`source.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className={styles.params}>
          {LAB_PARAMS[lab].map((p) => (
            <label key={p.key} className={styles.param}>
              <span>{t(`params.${p.label ?? p.key}`)}</span>
              {p.kind === "number" ? (
                <input
                  type="number"
                  name={p.key}
                  min={p.min}
                  max={p.max}
                  step={p.step}
                  value={String(params[p.key])}
                  disabled={active}
                  onChange={(e) => setParams({ ...params, [p.key]: Number(e.target.value) })}
                />
              ) : p.kind === "select" ? (
                <select
                  name={p.key}
                  value={String(params[p.key])}
                  disabled={active}
                  onChange={(e) => setParams({ ...params, [p.key]: e.target.value })}
                >
                  {p.options.map((o) => (
                    <option key={o} value={o}>
                      {t(`params.${o}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <span className={styles.digits}>
                  {Array.from({ length: 10 }, (_, d) => {
                    const chosen = (params[p.key] as number[]).includes(d);
                    return (
                      <label key={d}>
                        <input
                          type="checkbox"
                          checked={chosen}
                          disabled={active}
                          onChange={() => {
                            const cur = params[p.key] as number[];
                            const next = chosen ? cur.filter((x) => x !== d) : [...cur, d].sort();
                            if (next.length) setParams({ ...params, [p.key]: next });
                          }}
                        />
                        {d}
                      </label>
                    );
                  })}
                </span>
              )}
            </label>
          ))}
        </div>
        <div className={styles.buttons}>
          <button type="submit" className="button button--primary" disabled={active || loading} data-testid="lab-run">
            {loading ? t("controls.loading") : t("controls.run")}
          </button>
          {view?.state === "paused" || view?.state === "pausing" ? (
            <button type="button" className="button" onClick={() => run.current?.resume()}>
              {t("controls.resume")}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={view?.state !== "running"}
              onClick={() => run.current?.pause()}
            >
              {t("controls.pause")}
            </button>
          )}
          <button type="button" className="button" disabled={!active} onClick={() => run.current?.stop()}>
            {t("controls.stop")}
          </button>
        </div>
        {view ? (
          <div className={styles.progress} data-testid="lab-state" data-state={view.state} aria-live="polite">
            <progress max={100} value={percent} aria-label={t(`state.${view.state}`)} />
            <span>
              <strong>{t(`state.${view.state}`)}</strong>
              {view.step && active ? ` · ${t("progress", { step: say(view.step), percent })}` : null}
              {" · "}
              {t("elapsed", { seconds: (view.elapsedMs / 1000).toFixed(1) })}
              {view.etaMs !== null && active ? ` · ${t("eta", { seconds: Math.ceil(view.etaMs / 1000) })}` : null}
            </span>
          </div>
        ) : null}
      </form>

      {Object.keys(problems).length ? (
        <div className="alert--error" role="alert" data-testid="lab-problems">
          <p>{t("problems")}</p>
          <ul>
            {Object.entries(problems).map(([entry, m]) => (
              <li key={entry}>
                <pre className={styles.message}>{say(m)}</pre>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view?.error ? (
        <div className="alert--error" role="alert" data-testid="lab-error">
          <p>
            <strong>{t("errorTitle")}</strong>
          </p>
          <pre className={styles.message}>{say(view.error)}</pre>
        </div>
      ) : null}
      {warnings.map((w, i) => (
        <div key={i} className="alert--warn" role="status" data-testid="lab-warning">
          <pre className={styles.message}>{say(w)}</pre>
        </div>
      ))}

      {lab === "hopfield" ? <HopfieldFigures result={result} /> : null}
      {lab === "boltzmann" ? <BoltzmannFigures result={result} /> : null}
      {lab === "rbm" ? <RbmFigures result={result} /> : null}
      {lab === "dae" ? <DaeFigures result={result} /> : null}
    </div>
  );
}
