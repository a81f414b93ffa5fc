/**
 * Large outputs (issue 13.2): the grader compares the full value in the worker and stores only a
 * preview (first 2,000 values, shape, min/max/mean/NaN count); the matrix viewer shows the preview,
 * says it was cut, and folds large arrays; each job's timings record the worker's peak memory.
 */

import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, type ExerciseEntry } from "@/exercises/catalogue";
import { toJson } from "@/grader/json";
import { PREVIEW_ELEMENTS, isOutputPreview, storedOutput, type OutputPreview } from "@/grader/preview";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { GradingWorker } from "@/grader/worker";
import { ValueView } from "@/app/_components/results/ValueView";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURES = path.join(__dirname, "fixtures");
const SLUG = "fixture-affine";
const REPO = path.resolve(__dirname, "../..");

describe("storedOutput", () => {
  it("keeps a small value as it is", () => {
    const m = [
      [1, 2],
      [3, Number.NaN],
    ];
    expect(storedOutput(m)).toBe(m);
    expect(storedOutput(Array.from({ length: PREVIEW_ELEMENTS }, (_, i) => i))).toHaveLength(PREVIEW_ELEMENTS);
  });

  it("cuts a 1000 × 1000 matrix to its first 2,000 values with the shape and statistics of the whole", () => {
    const m = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 1000 }, (_, j) => i * 1000 + j));
    m[999][999] = Number.NaN;
    m[500][3] = Number.NaN;
    m[0][0] = -Infinity;
    const p = storedOutput(m) as OutputPreview;
    expect(isOutputPreview(p)).toBe(true);
    expect(p.shape).toEqual([1000, 1000]);
    expect(p.elements).toBe(1_000_000);
    expect(p.nanCount).toBe(2);
    expect(p.min).toBe(1); // over the finite values
    expect(p.max).toBe(999_998);
    // the mean of 0 … 999,999 without the three non-finite values
    expect(p.mean).toBeCloseTo((499_999_500_000 - 0 - 500_003 - 999_999) / 999_997, 6);
    expect(p.head).toEqual([m[0], m[1]]);
    expect(toJson(p).length).toBeLessThan(20_000);
  });

  it("has no shape for a ragged array or a record, and cuts records in key order", () => {
    const ragged = [Array(1500).fill(1), Array(1000).fill(2)];
    expect((storedOutput(ragged) as OutputPreview).shape).toBeNull();
    const rec = storedOutput({ W: Array(3000).fill(0.5), b: [1, 2] }) as OutputPreview;
    expect(rec.shape).toBeNull();
    expect(rec.head).toEqual({ W: Array(2000).fill(0.5) });
    expect(rec).toMatchObject({ elements: 3002, min: 0.5, max: 2, nanCount: 0 });
  });
});

describe("the matrix viewer", () => {
  const messages = (file: string) => ({
    student: JSON.parse(fs.readFileSync(path.join(REPO, "app/_i18n/messages", file), "utf8")) as Record<
      string,
      unknown
    >,
  });
  const render = (locale: string, file: string, value: unknown) =>
    renderToStaticMarkup(
      createElement(NextIntlClientProvider, {
        locale,
        timeZone: "UTC",
        messages: messages(file),
        children: createElement(ValueView, { value }),
      }),
    );

  it("shows a preview's first values and says, in both languages, that the value was cut", () => {
    const p = storedOutput(Array.from({ length: 100 }, () => Array<number>(100).fill(0.25)));
    const en = render("en", "student.en.json", p);
    expect(en).toContain('data-testid="output-preview"');
    expect(en).toContain("100 × 100");
    expect(en).toMatch(/the first 2,000 of 10,000 values are shown/);
    expect(en).toMatch(/min 0\.25, max 0\.25, mean 0\.25, NaN 0/);
    // the page renders the preview folded, its first 400 values only
    expect(en).toMatch(/<summary>20 × 100 · show the first 400 of 2,000 values<\/summary>/);
    expect(en.match(/<td>/g)).toHaveLength(400);
    const zh = render("zh-CN", "student.zh-CN.json", p);
    expect(zh).toMatch(/仅显示 10,000 个值中的前 2,000 个/);
  });

  it("folds a large matrix behind a disclosure with its first 400 values, and leaves a small one open", () => {
    const big = render(
      "en",
      "student.en.json",
      Array.from({ length: 30 }, () => Array<number>(30).fill(1)),
    );
    expect(big).toMatch(/<details[^>]*><summary>30 × 30 · show the first 400 of 900 values<\/summary>/);
    expect(big.match(/<td>/g)).toHaveLength(400);
    const small = render("en", "student.en.json", [
      [1, 2],
      [3, 4],
    ]);
    expect(small).not.toContain("<details");
  });
});

describe("a submission with a large output", () => {
  let t: TestDb;
  let catalogue: Map<string, ExerciseEntry>;
  let fx: QueueFixture;
  beforeAll(async () => {
    t = await createTestDb();
    catalogue = await loadCatalogue(FIXTURES);
    fx = await createQueueFixture(t.db, catalogue);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("is compared in full, stored as previews, and its timings record the worker's peak memory", async () => {
    // 10,000 values per case: the most one output of this exercise may have (10 × the expected size, at least 10,000).
    const huge = `export function affine(W: number[][], x: number[], b: number[]): number[] {
      return Array.from({ length: 10000 }, (_, i) => (i === 9999 ? NaN : i));
    }`;
    const id = await fx.submit(SLUG, huge);
    await new GradingWorker({ db: t.db, catalogue, id: "w-big", log: () => {} }).runOnce();
    const s = await t.db.submission.findUniqueOrThrow({
      where: { id },
      include: { result: { include: { cases: true } } },
    });
    expect(s).toMatchObject({ status: "graded", score: 0 });
    const cases = s.result!.cases;
    expect(cases).toHaveLength(12);
    for (const c of cases) {
      // compared on the full value: a visible case quotes the length of all 10,000 values
      expect((JSON.parse(c.message) as { en: string }).en).toMatch(
        c.visibility === "visible" ? /got 10000\b/ : /^Wrong shape/,
      );
      const stored = JSON.parse(c.actualJson!) as OutputPreview;
      expect(isOutputPreview(stored)).toBe(true);
      expect(stored).toMatchObject({ shape: [10000], elements: 10000, nanCount: 1, min: 0, max: 9998 });
      expect(stored.head).toHaveLength(PREVIEW_ELEMENTS);
    }
    const stored = cases.reduce((n, c) => n + c.actualJson!.length, 0);
    expect(stored).toBeLessThan(12 * 12_000);
    const timings = JSON.parse(s.result!.timingsJson) as { isolateHeapPeakMb: number; workerRssPeakMb: number };
    expect(timings.isolateHeapPeakMb).toBeGreaterThan(0);
    expect(timings.workerRssPeakMb).toBeGreaterThan(50);
  });
});
