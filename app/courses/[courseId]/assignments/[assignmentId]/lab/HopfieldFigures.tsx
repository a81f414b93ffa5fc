"use client";
/** 10.1 figures: recall sweep by sweep, the energy trace, the 1/4 crosstalk, the capacity curve. */

import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { LabImage } from "@/labs/protocol";
import { Figure } from "@/app/_components/figures/Figure";
import { drawChart, drawImageGrid, gridHeight, type Theme } from "@/app/_components/figures/draw";
import styles from "./lab.module.css";

interface Crosstalk {
  one: LabImage;
  four: LabImage;
  trials: number;
  zero: { one: number; four: number; other: number; example: LabImage };
  balanced: { one: number; four: number; other: number; example: LabImage };
}

export interface HopfieldResult {
  stored?: LabImage[];
  labels?: number[];
  noisy?: LabImage;
  frames?: LabImage[];
  energies?: number[];
  outcome?: { distances: number[]; recalled: boolean; probe: number; energyRose: boolean };
  crosstalk?: Crosstalk;
  capacity?: { n: number; P: number[]; rate: number[] };
}

const CELL = 84;
/** Room for the captions under the crosstalk images. */
const CROSSTALK_GAP = 32;

export function HopfieldFigures({ result }: { result: Record<string, unknown> }) {
  const r = result as HopfieldResult;
  const t = useTranslations("labs");
  const frames = useMemo(() => r.frames ?? [], [r.frames]);
  const [replayed, setReplayed] = useState(0);
  // follow the run, then replay the recall sweep by sweep once it is over
  const frame = r.outcome ? replayed : Math.max(0, frames.length - 1);
  useEffect(() => {
    if (!r.outcome || frames.length < 2) return;
    let k = 0;
    const id = setInterval(() => {
      k++;
      setReplayed(k);
      if (k >= frames.length - 1) clearInterval(id);
    }, 500);
    return () => {
      clearInterval(id);
      setReplayed(0);
    };
  }, [r.outcome, frames.length]);

  const stored = useMemo(() => r.stored ?? [], [r.stored]);
  const recallW = Math.max(3, stored.length + 2) * (CELL + 8);
  const drawRecall = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!r.noisy || !frames.length) return;
      drawImageGrid(ctx, theme, [...stored, r.noisy, frames[Math.min(frame, frames.length - 1)]], {
        x: 8,
        y: 8,
        cols: stored.length + 2,
        size: CELL,
        gap: 8,
        captions: [
          ...(r.labels ?? []).map((l) => `${t("hopfield.stored")} ${l}`),
          t("hopfield.noisy"),
          t("hopfield.frame", { k: Math.min(frame, frames.length - 1) }),
        ],
      });
    },
    [r.noisy, r.labels, stored, frames, frame, t],
  );

  const energies = useMemo(() => r.energies ?? [], [r.energies]);
  const drawEnergy = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!energies.length) return;
      drawChart(ctx, theme, {
        x: 0,
        y: 0,
        w: 440,
        h: 240,
        xLabel: t("axis.sweep"),
        yLabel: t("axis.energy"),
        series: [{ label: t("axis.energy"), x: energies.map((_, i) => i), y: energies }],
      });
    },
    [energies, t],
  );

  const c = r.crosstalk;
  const drawCrosstalk = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!c) return;
      drawImageGrid(ctx, theme, [c.one, c.four, c.zero.example, c.balanced.example], {
        x: 8,
        y: 8,
        cols: 4,
        size: CELL,
        gap: CROSSTALK_GAP,
        captions: ['"1"', '"4"', t("hopfield.example"), t("hopfield.exampleBalanced")],
      });
    },
    [c, t],
  );

  const cap = r.capacity;
  const drawCapacity = useCallback(
    (ctx: CanvasRenderingContext2D, theme: Theme) => {
      if (!cap) return;
      drawChart(ctx, theme, {
        x: 0,
        y: 0,
        w: 440,
        h: 240,
        xLabel: t("axis.patterns"),
        yLabel: t("axis.recallRate"),
        series: [{ label: t("hopfield.recallSeries"), x: cap.P, y: cap.rate }],
        vLines: [{ at: 0.14 * cap.n, label: t("hopfield.capacityLine", { value: (0.14 * cap.n).toFixed(1) }) }],
        yRange: [0, 1.05],
        xRange: [0, Math.max(...cap.P)],
      });
    },
    [cap, t],
  );

  const o = r.outcome;
  const probeLabel = r.labels?.[o?.probe ?? 0];
  return (
    <div className={styles.figures}>
      {r.noisy ? (
        <section className={styles.panel}>
          <h2>{t("hopfield.recallTitle")}</h2>
          <Figure
            label={t("hopfield.recallTitle")}
            width={recallW}
            height={gridHeight(1, 1, CELL, 8, true) + 16}
            draw={drawRecall}
            filename="hopfield-recall.png"
            downloadLabel={t("download")}
            testId="hopfield-recall"
            caption={
              o ? (
                <p data-testid="hopfield-outcome" data-recalled={String(o.recalled)}>
                  {o.recalled
                    ? t("hopfield.recalled", { label: String(probeLabel), sweeps: frames.length - 1 })
                    : t("hopfield.notRecalled", { label: String(probeLabel), distance: o.distances[o.probe] })}
                </p>
              ) : null
            }
          />
          {frames.length > 1 ? (
            <label className={styles.slider}>
              {t("hopfield.sweepSlider")}
              <input
                type="range"
                min={0}
                max={frames.length - 1}
                value={Math.min(frame, frames.length - 1)}
                onChange={(e) => setReplayed(Number(e.target.value))}
              />
            </label>
          ) : null}
        </section>
      ) : null}
      {energies.length ? (
        <section className={styles.panel}>
          <h2>{t("hopfield.energyTitle")}</h2>
          <Figure
            label={t("hopfield.energyTitle")}
            width={440}
            height={240}
            draw={drawEnergy}
            filename="hopfield-energy.png"
            downloadLabel={t("download")}
            caption={o ? <p>{o.energyRose ? t("hopfield.energyRose") : t("hopfield.energyOk")}</p> : null}
          />
        </section>
      ) : null}
      {c ? (
        <section className={styles.panel}>
          <h2>{t("hopfield.crosstalkTitle")}</h2>
          <Figure
            label={t("hopfield.crosstalkTitle")}
            width={4 * (CELL + CROSSTALK_GAP) + 8}
            height={gridHeight(1, 1, CELL, 8, true) + 16}
            draw={drawCrosstalk}
            filename="hopfield-crosstalk.png"
            downloadLabel={t("download")}
            caption={
              <p data-testid="hopfield-crosstalk">
                {t("hopfield.crosstalkText", {
                  trials: c.trials,
                  zeroOne: c.zero.one,
                  zeroFour: c.zero.four,
                  zeroOther: c.zero.other,
                  balOne: c.balanced.one,
                  balFour: c.balanced.four,
                  balOther: c.balanced.other,
                })}
              </p>
            }
          />
        </section>
      ) : null}
      {cap ? (
        <section className={styles.panel}>
          <h2>{t("hopfield.capacityTitle", { n: cap.n })}</h2>
          <Figure
            label={t("hopfield.capacityTitle", { n: cap.n })}
            width={440}
            height={240}
            draw={drawCapacity}
            filename="hopfield-capacity.png"
            downloadLabel={t("download")}
          />
        </section>
      ) : null}
    </div>
  );
}
