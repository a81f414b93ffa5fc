"use client";
/** 10.3 figures: training curves, filters, reconstructions, and a Gibbs chain. */

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import type { LabImage } from "@/labs/protocol";
import type { RbmEpoch } from "@/labs/rbm";
import { Figure } from "@/app/_components/figures/Figure";
import { drawChart, drawImageGrid, gridHeight, type Theme } from "@/app/_components/figures/draw";
import styles from "./lab.module.css";

export interface RbmResult {
  originals?: LabImage[];
  history?: RbmEpoch[];
  filters?: LabImage[];
  reconstructions?: LabImage[];
  chain?: { start: LabImage[]; snapshots: { step: number; images: LabImage[] }[] };
}

const CURVE_W = 360;
const CURVE_H = 220;

export function RbmFigures({ result }: { result: Record<string, unknown> }) {
  const r = result as RbmResult;
  const t = useTranslations("labs");
  const h = r.history ?? [];
  const epochs = h.map((e) => e.epoch);
  // redrawn on every render; the history is a handful of points
  const curve =
    (yLabel: string, series: { label: string; y: number[] }[]) => (ctx: CanvasRenderingContext2D, theme: Theme) =>
      drawChart(ctx, theme, {
        x: 0,
        y: 0,
        w: CURVE_W,
        h: CURVE_H,
        xLabel: t("axis.epoch"),
        yLabel,
        series: series.map((s) => ({ ...s, x: epochs })),
      });
  const drawFilters = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) =>
      r.filters && drawImageGrid(ctx, theme, r.filters, { x: 4, y: 4, cols: 16, size: 34, gap: 3 }),
    [r.filters],
  );
  const drawRecon = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) =>
      r.originals &&
      r.reconstructions &&
      drawImageGrid(ctx, theme, [...r.originals, ...r.reconstructions], {
        x: 4,
        y: 4,
        cols: r.originals.length,
        size: 52,
        gap: 4,
      }),
    [r.originals, r.reconstructions],
  );
  const chain = r.chain;
  const drawChain = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!chain) return;
      const cols = chain.start.length;
      const rows = [chain.start, ...chain.snapshots.map((s) => s.images)];
      const labels = [t("rbm.start"), ...chain.snapshots.map((s) => t("rbm.chainStep", { k: s.step }))];
      rows.forEach((imgs, k) => {
        ctx.fillStyle = theme.muted;
        ctx.font = `12px ${theme.font}`;
        ctx.textAlign = "left";
        ctx.textBaseline = "middle";
        ctx.fillText(labels[k], 4, 8 + k * 56 + 26);
        drawImageGrid(ctx, theme, imgs, { x: 72, y: 8 + k * 56, cols, size: 52, gap: 4 });
      });
    },
    [chain, t],
  );

  const first = h[0];
  const last = h[h.length - 1];
  const fall = first && last ? (100 * (first.reconError - last.reconError)) / first.reconError : 0;
  return (
    <div className={styles.figures}>
      {h.length ? (
        <section className={styles.panel}>
          <h2>{t("rbm.curvesTitle")}</h2>
          <p
            data-testid="rbm-error"
            data-first={first.reconError}
            data-last={last.reconError}
            data-epoch-ms={JSON.stringify(h.slice(1).map((e) => Math.round(e.trainMs)))}
          >
            {t("rbm.errorFall", {
              first: first.reconError.toFixed(1),
              last: last.reconError.toFixed(1),
              percent: fall.toFixed(0),
            })}
          </p>
          <Figure
            label={t("axis.reconError")}
            width={CURVE_W}
            height={CURVE_H}
            draw={curve(t("axis.reconError"), [{ label: t("axis.reconError"), y: h.map((e) => e.reconError) }])}
            filename="rbm-reconstruction-error.png"
            downloadLabel={t("download")}
          />
          <Figure
            label={t("axis.freeEnergy")}
            width={CURVE_W}
            height={CURVE_H}
            draw={curve(t("axis.freeEnergy"), [
              { label: t("rbm.train"), y: h.map((e) => e.freeEnergyTrain) },
              { label: t("rbm.heldOut"), y: h.map((e) => e.freeEnergyHeldOut) },
            ])}
            filename="rbm-free-energy.png"
            downloadLabel={t("download")}
            caption={<p>{t("rbm.gap", { gap: last.freeEnergyGap.toFixed(2) })}</p>}
          />
          <Figure
            label={t("axis.pseudoLikelihood")}
            width={CURVE_W}
            height={CURVE_H}
            draw={curve(t("axis.pseudoLikelihood"), [
              { label: t("axis.pseudoLikelihood"), y: h.map((e) => e.pseudoLikelihood) },
            ])}
            filename="rbm-pseudo-likelihood.png"
            downloadLabel={t("download")}
          />
          <ul className="muted">
            {h.slice(1).map((e) => (
              <li key={e.epoch}>{t("rbm.epochTime", { epoch: e.epoch, ms: Math.round(e.trainMs) })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className={styles.panel}>
        {r.filters ? (
          <section className={styles.panel}>
            <h2>{t("rbm.filtersTitle")}</h2>
            <Figure
              label={t("rbm.filtersTitle")}
              width={16 * 37 + 5}
              height={gridHeight(r.filters.length, 16, 34, 3) + 8}
              draw={drawFilters}
              filename="rbm-filters.png"
              downloadLabel={t("download")}
              testId="rbm-filters"
            />
          </section>
        ) : null}
        {r.reconstructions && r.originals ? (
          <section className={styles.panel}>
            <h2>{t("rbm.reconTitle")}</h2>
            <Figure
              label={t("rbm.reconTitle")}
              width={r.originals.length * 56 + 4}
              height={2 * 56 + 4}
              draw={drawRecon}
              filename="rbm-reconstructions.png"
              downloadLabel={t("download")}
            />
          </section>
        ) : null}
        {chain ? (
          <section className={styles.panel}>
            <h2>{t("rbm.chainTitle")}</h2>
            <Figure
              label={t("rbm.chainTitle")}
              width={72 + chain.start.length * 56}
              height={8 + (chain.snapshots.length + 1) * 56}
              draw={drawChain}
              filename="rbm-gibbs-chain.png"
              downloadLabel={t("download")}
            />
          </section>
        ) : null}
      </div>
    </div>
  );
}
