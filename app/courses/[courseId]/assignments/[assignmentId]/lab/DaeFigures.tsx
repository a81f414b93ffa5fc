"use client";
/** 10.7 figures: original / corrupted / reconstructed, the error to the clean digits, and the sparse autoencoder. */

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import type { LabImage } from "@/labs/protocol";
import { Figure } from "@/app/_components/figures/Figure";
import { drawChart, drawImageGrid, gridHeight, type Theme } from "@/app/_components/figures/draw";
import styles from "./lab.module.css";

export interface DaeResult {
  dae?: {
    kind: "gaussian" | "masking";
    level: number;
    history: { epoch: number; noisyMse: number; denoisedMse: number; loss: number }[];
    original: LabImage[];
    corrupted: LabImage[];
    reconstructed: LabImage[];
  };
  sparse?: {
    rho: number;
    beta: number;
    lambda: number;
    costs: { epoch: number; cost: number }[];
    rhoHat: number[];
    filters: LabImage[];
  };
}

const CELL = 60;
const LABEL_W = 96;

/** Counts of `values` in `bins` equal bins over [0, hi]. */
function histogram(values: number[], bins: number, hi: number) {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v / hi) * bins)))]++;
  return counts;
}

export function DaeFigures({ result }: { result: Record<string, unknown> }) {
  const r = result as DaeResult;
  const t = useTranslations("labs");
  const d = r.dae;
  const drawPanels = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!d) return;
      const rows = [d.original, d.corrupted, d.reconstructed];
      const labels = [t("dae.original"), t("dae.corrupted"), t("dae.reconstructed")];
      rows.forEach((imgs, k) => {
        ctx.fillStyle = theme.text;
        ctx.font = `13px ${theme.font}`;
        ctx.textAlign = "left";
        ctx.textBaseline = "middle";
        ctx.fillText(labels[k], 6, 6 + k * (CELL + 6) + CELL / 2);
        drawImageGrid(ctx, theme, imgs, { x: LABEL_W, y: 6 + k * (CELL + 6), cols: imgs.length, size: CELL, gap: 6 });
      });
    },
    [d, t],
  );
  const drawMse = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!d) return;
      const x = d.history.map((e) => e.epoch);
      drawChart(ctx, theme, {
        x: 0,
        y: 0,
        w: 400,
        h: 220,
        xLabel: t("axis.epoch"),
        yLabel: t("axis.mse"),
        series: [
          { label: t("dae.noisyMse"), x, y: d.history.map((e) => e.noisyMse) },
          { label: t("dae.denoisedMse"), x, y: d.history.map((e) => e.denoisedMse) },
        ],
      });
    },
    [d, t],
  );
  const s = r.sparse;
  const drawHist = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!s) return;
      const hi = Math.max(2 * s.rho, ...s.rhoHat) * 1.05;
      const bins = 20;
      const counts = histogram(s.rhoHat, bins, hi);
      const w = hi / bins;
      drawChart(ctx, theme, {
        x: 0,
        y: 0,
        w: 400,
        h: 220,
        xLabel: t("axis.rhoHat"),
        yLabel: t("axis.units"),
        series: [{ label: t("axis.rhoHat"), x: counts.map((_, i) => (i + 0.5) * w), y: counts, bars: w * 0.9 }],
        vLines: [{ at: s.rho, label: t("dae.rhoLine", { rho: s.rho }) }],
        xRange: [0, hi],
        yRange: [0, Math.max(...counts) * 1.1],
      });
    },
    [s, t],
  );
  const drawSparseFilters = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) =>
      s && drawImageGrid(ctx, theme, s.filters, { x: 4, y: 4, cols: 16, size: 34, gap: 3 }),
    [s],
  );

  const last = d?.history[d.history.length - 1];
  return (
    <div className={styles.figures}>
      {d && last ? (
        <section className={styles.panel}>
          <h2>{t("dae.figureTitle", { kind: t(`params.${d.kind}`), level: d.level })}</h2>
          <Figure
            label={t("dae.figureTitle", { kind: t(`params.${d.kind}`), level: d.level })}
            width={LABEL_W + d.original.length * (CELL + 6)}
            height={3 * (CELL + 6) + 6}
            draw={drawPanels}
            filename={`dae-${d.kind}-${d.level}.png`}
            downloadLabel={t("download")}
            testId="dae-panels"
          />
          <p
            data-testid="dae-mse"
            data-epoch={last.epoch}
            data-noisy={last.noisyMse}
            data-denoised={last.denoisedMse}
            data-closer={String(last.denoisedMse < last.noisyMse)}
          >
            {t("dae.mseText", { noisy: last.noisyMse.toFixed(4), denoised: last.denoisedMse.toFixed(4) })}{" "}
            {last.denoisedMse < last.noisyMse ? t("dae.closer") : t("dae.notCloser")}
          </p>
          <p className="muted">{t("dae.gradientNote")}</p>
        </section>
      ) : null}
      {d ? (
        <section className={styles.panel}>
          <h2>{t("dae.mseTitle")}</h2>
          <Figure
            label={t("dae.mseTitle")}
            width={400}
            height={220}
            draw={drawMse}
            filename="dae-error.png"
            downloadLabel={t("download")}
          />
        </section>
      ) : null}
      {s ? (
        <section className={styles.panel}>
          <h2>{t("dae.sparseTitle")}</h2>
          <Figure
            label={t("dae.sparseTitle")}
            width={400}
            height={220}
            draw={drawHist}
            filename="sparse-activations.png"
            downloadLabel={t("download")}
          />
        </section>
      ) : null}
      {s ? (
        <section className={styles.panel}>
          <h2>{t("dae.sparseFilters")}</h2>
          <Figure
            label={t("dae.sparseFilters")}
            width={16 * 37 + 5}
            height={gridHeight(s.filters.length, 16, 34, 3) + 8}
            draw={drawSparseFilters}
            filename="sparse-filters.png"
            downloadLabel={t("download")}
          />
        </section>
      ) : null}
    </div>
  );
}
