/**
 * Colour maps for lab figures. Digits are grey (ink on paper, opaque, so they read on light and
 * dark pages). Signed weights use ColorBrewer's PuOr (orange − / white 0 / purple +), a diverging
 * map that stays distinguishable for the common colour-vision deficiencies, unlike red–blue.
 * Line series use the Okabe–Ito palette without its black (invisible on the dark theme).
 */

type RGB = [number, number, number];

const PUOR: RGB[] = [
  [0x7f, 0x3b, 0x08],
  [0xb3, 0x58, 0x06],
  [0xe0, 0x82, 0x14],
  [0xfd, 0xb8, 0x63],
  [0xfe, 0xe0, 0xb6],
  [0xf7, 0xf7, 0xf7],
  [0xd8, 0xda, 0xeb],
  [0xb2, 0xab, 0xd2],
  [0x80, 0x73, 0xac],
  [0x54, 0x27, 0x88],
  [0x2d, 0x00, 0x4b],
];

/** PuOr at t ∈ [−1, 1]. */
export function puor(t: number): RGB {
  const x = ((Math.max(-1, Math.min(1, t)) + 1) / 2) * (PUOR.length - 1);
  const i = Math.min(PUOR.length - 2, Math.floor(x));
  const f = x - i;
  return PUOR[i].map((c, k) => Math.round(c + f * (PUOR[i + 1][k] - c))) as RGB;
}

/** Paper (white) at 0 to ink (near black) at 1. */
export function grey(t: number): RGB {
  const v = Math.round(255 - 235 * Math.max(0, Math.min(1, t)));
  return [v, v, v];
}

export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];
