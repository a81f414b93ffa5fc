import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeDigits, digitBinary, digitsOf, encodeDigits } from "@/labs/digits";
import { readMnistPackage, writeDigitsAsset } from "@/scripts/lab-digits";

describe("the labs' digit asset", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-digits-")), "digits.bin");
  const written = writeDigitsAsset(file);
  const d = decodeDigits(fs.readFileSync(file));

  it("holds the package's 10,000 digits of 28 × 28 uint8 pixels", () => {
    expect(d.count).toBe(10_000);
    expect([d.rows, d.cols]).toEqual([28, 28]);
    expect(written.bytes).toBe(16 + 10_000 * (1 + 784));
    expect(d.pixels.length).toBe(10_000 * 784);
  });

  it("labels are 0–9, each class about a tenth, and a prefix of 2,000 mixes them all", () => {
    const counts = new Array<number>(10).fill(0);
    for (const l of d.labels) counts[l]++;
    expect(counts.reduce((s, c) => s + c, 0)).toBe(10_000);
    for (const c of counts) expect(c).toBeGreaterThan(700);
    const prefix = new Set(d.labels.subarray(0, 2000));
    expect(prefix.size).toBe(10);
    expect(Math.max(...d.labels)).toBe(9);
  });

  it("pixels span 0–255, mostly paper, and agree with the package's values", () => {
    let min = 255,
      max = 0,
      ink = 0;
    for (const p of d.pixels) {
      if (p < min) min = p;
      if (p > max) max = p;
      if (p >= 128) ink++;
    }
    expect(min).toBe(0);
    expect(max).toBe(255);
    const inkShare = ink / d.pixels.length;
    expect(inkShare).toBeGreaterThan(0.08);
    expect(inkShare).toBeLessThan(0.25);
    // every class's first digit is in the file, pixel for pixel (to the uint8 step)
    const classes = readMnistPackage();
    for (const cls of classes) {
      const first = Array.from(cls.values).slice(0, 784);
      const match = digitsOf(d, cls.label, 2000).some((k) =>
        first.every((v, p) => Math.abs(d.pixels[k * 784 + p] - v * 255) <= 0.5),
      );
      expect(match, `digit ${cls.label}`).toBe(true);
    }
  });

  it("binary and 14 × 14 views keep the strokes", () => {
    const k = digitsOf(d, 1)[0];
    const full = digitBinary(d, k);
    const small = digitBinary(d, k, true);
    expect(full.length).toBe(784);
    expect(small.length).toBe(196);
    const on = (x: number[]) => x.filter((v) => v === 1).length;
    expect(on(full)).toBeGreaterThan(20);
    expect(on(small)).toBeGreaterThan(5);
  });

  it("rejects a file that is not the asset, and a truncated one", () => {
    expect(() => decodeDigits(new Uint8Array(32))).toThrow(/not a Gibbs digit file/);
    const one = encodeDigits([{ label: 3, values: new Array(784).fill(0.5) }]);
    expect(decodeDigits(one).labels[0]).toBe(3);
    expect(decodeDigits(one).pixels[0]).toBe(128);
    expect(() => decodeDigits(one.subarray(0, one.length - 1))).toThrow(/expected/);
    expect(() => encodeDigits([{ label: 0, values: [0.1] }])).toThrow(/multiple of 784/);
  });
});
