"use client";
/** 10.2 figures: energy traces of annealing runs, and sampled against exact state distributions. */

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { Figure } from "@/app/_components/figures/Figure";
import { drawChart, type Theme } from "@/app/_components/figures/draw";
import styles from "./lab.module.css";

export interface BoltzmannResult {
  landscape?: { global: number; local: number | null; n: number };
  annealing?: { temps: number[]; traces: number[][]; success: { annealed: number; quenched: number }; runs: number };
  distribution?: { states: string[]; byT: { T: number; sampled: number[]; exact: number[]; tv: number }[] };
}

export function BoltzmannFigures({ result }: { result: Record<string, unknown> }) {
  const r = result as BoltzmannResult;
  const t = useTranslations("labs");
  const a = r.annealing;
  const L = r.landscape;
  const drawAnneal = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!a || !L) return;
      drawChart(ctx, theme, {
        x: 0,
        y: 0,
        w: 520,
        h: 280,
        xLabel: t("axis.temperatureStep"),
        yLabel: t("axis.energy"),
        series: a.traces.map((tr, k) => ({ label: t("boltzmann.run", { k: k + 1 }), x: tr.map((_, i) => i), y: tr })),
        hLines: [
          { at: L.global, label: t("boltzmann.globalMin") },
          ...(L.local !== null ? [{ at: L.local, label: t("boltzmann.localMin") }] : []),
        ],
      });
    },
    [a, L, t],
  );
  return (
    <div className={styles.figures}>
      {a ? (
        <section className={styles.panel}>
          <h2>{t("boltzmann.annealTitle")}</h2>
          <Figure
            label={t("boltzmann.annealTitle")}
            width={520}
            height={280}
            draw={drawAnneal}
            filename="boltzmann-annealing.png"
            downloadLabel={t("download")}
            testId="boltzmann-annealing"
            caption={
              <p data-testid="boltzmann-success" data-annealed={a.success.annealed} data-quenched={a.success.quenched}>
                {t("boltzmann.annealText", { ...a.success, runs: a.runs })}
              </p>
            }
          />
        </section>
      ) : null}
      {r.distribution?.byT.map((d) => (
        <Distribution key={d.T} states={r.distribution!.states} d={d} />
      ))}
    </div>
  );
}

function Distribution({
  states,
  d,
}: {
  states: string[];
  d: { T: number; sampled: number[]; exact: number[]; tv: number };
}) {
  const t = useTranslations("labs");
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      const x = states.map((_, i) => i);
      drawChart(ctx, theme, {
        x: 0,
        y: 0,
        w: 560,
        h: 260,
        xLabel: t("axis.state"),
        yLabel: t("axis.probability"),
        series: [
          { label: t("boltzmann.sampled"), x, y: d.sampled, bars: 0.7 },
          { label: t("boltzmann.exact"), x, y: d.exact, points: true },
        ],
        xRange: [-0.5, states.length - 0.5],
        yRange: [0, Math.max(...d.sampled, ...d.exact) * 1.1],
        xTickLabels: states,
      });
    },
    [states, d, t],
  );
  return (
    <section className={styles.panel}>
      <h2>{t("boltzmann.distTitle", { T: d.T })}</h2>
      <Figure
        label={t("boltzmann.distTitle", { T: d.T })}
        width={560}
        height={260}
        draw={draw}
        filename={`boltzmann-distribution-T${d.T}.png`}
        downloadLabel={t("download")}
        caption={<p>{t("boltzmann.tv", { tv: d.tv.toFixed(3) })}</p>}
      />
    </section>
  );
}
