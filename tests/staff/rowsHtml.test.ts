import { expect, test } from "vitest";
import { escapeHtml, gradebookRowsHtml } from "@/app/courses/[courseId]/staff/gradebook/rowsHtml";
import type { GradebookRow } from "@/app/_lib/staff/gradebook";

const cell = (over: Partial<GradebookRow["cells"][number]> = {}) => ({
  score: 7.5,
  submissionId: "sub1",
  latestSubmissionId: "sub1",
  attempts: 1,
  lateDays: 0,
  override: null,
  error: false,
  pending: false,
  ...over,
});

/** A one-student row for the tests below: Ann, ID 7, with the given cells. */
const annRow = (cells: GradebookRow["cells"], over: Partial<GradebookRow> = {}): GradebookRow => ({
  user: { id: "u", name: "Ann", email: "ann@x.edu", studentId: "7" },
  cells,
  subtotals: [0],
  total: 0,
  max: 30,
  percent: 0,
  missing: 0,
  late: false,
  errors: 0,
  pending: 0,
  lateDays: 0,
  ...over,
});

test("gradebook rows escape user text and mark flagged cells", () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  const row: GradebookRow = {
    user: { id: "u", name: `<img src=x onerror=alert(1)>`, email: `e"@x.edu`, studentId: "1" },
    cells: [
      cell(),
      cell({ score: null, submissionId: null, latestSubmissionId: null }),
      cell({ override: { score: 5, reason: `"><script>` }, score: 5 }),
    ],
    subtotals: [12.5],
    total: 12.5,
    max: 30,
    percent: 41.7,
    missing: 1,
    late: false,
    errors: 0,
    pending: 0,
    lateDays: 0,
  };
  const html = gradebookRowsHtml([row], {
    missing: "—",
    label: (c) => (c.override ? `overridden: ${c.override.reason}` : ""),
    classes: { overridden: "ov", errorCell: "er", marks: "mk", num: "n", muted: "m" },
  });
  expect(html).not.toContain("<img");
  expect(html).not.toContain("<script>");
  expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  expect(html).toContain('data-email="e&quot;@x.edu"');
  // The submission the cell opens (ScoreCells.tsx), not an <a> per cell.
  expect(html).toContain('<td data-s="sub1">7.5</td>');
  expect(html).not.toContain("<a ");
  expect(html).toContain("<td>—</td>");
  expect(html).toContain('class="ov" data-s="sub1" title="overridden: &quot;&gt;&lt;script&gt;"');
  expect(html).toContain("◆");
  expect(html).toContain('<td class="n"><strong>12.5</strong></td>');
});

test("grouped rows: a subtotal after each assignment, then the percentage and the total", () => {
  const row: GradebookRow = {
    user: { id: `u"1`, name: "Ann", email: "ann@x.edu", studentId: "7" },
    cells: [cell(), cell({ score: null, submissionId: null, latestSubmissionId: null }), cell({ score: 3 })],
    subtotals: [7.5, 3],
    total: 13.5,
    max: 40,
    percent: 33.75,
    missing: 1,
    late: false,
    errors: 0,
    pending: 0,
    lateDays: 0,
  };
  const groups = [
    { assignmentId: "a1", titleEn: "A1", titleZh: "A1", weight: 1, first: 0, count: 2, max: 20 },
    { assignmentId: "a2", titleEn: "A2", titleZh: "A2", weight: 2, first: 2, count: 1, max: 10 },
  ];
  const html = gradebookRowsHtml([row], {
    missing: "—",
    label: () => "",
    classes: { overridden: "ov", errorCell: "er", marks: "mk", num: "n", muted: "m", subtotal: "st" },
    groups,
    selectLabel: (name) => `Select ${name}`,
  });
  expect(html).toContain(
    '<input type="checkbox" form="bulk" name="userId" value="u&quot;1" aria-label="Select Ann"> Ann',
  );
  const cells = [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
  expect(cells).toEqual(["7", "7.5", "—", "7.5", "3", "3", "34 %", "<strong>13.5</strong>"]);
  expect(html).toContain('<td class="st">7.5</td>');
  expect(html).toContain('<td class="st">3</td>');
});

test("the sticky ID, percentage and total cells carry their classes, so the stylesheet needs no positional selectors", () => {
  const row = annRow([cell(), cell({ score: 3 })], { subtotals: [10.5], total: 10.5, max: 20, percent: 52.5 });
  const html = gradebookRowsHtml([row], {
    missing: "—",
    label: () => "",
    classes: {
      overridden: "ov",
      errorCell: "er",
      marks: "mk",
      num: "n",
      muted: "m",
      idCell: "id",
      percentCell: "pc",
      totalCell: "tt",
    },
    groups: [{ assignmentId: "a1", titleEn: "A1", titleZh: "A1", weight: 1, first: 0, count: 2, max: 20 }],
  });
  const cells = [...html.matchAll(/<td([^>]*)>(.*?)<\/td>/g)].map((m) => [m[1], m[2]]);
  expect(cells).toEqual([
    [' class="id"', "7"],
    [' data-s="sub1"', "7.5"],
    [' data-s="sub1"', "3"],
    [' class="n pc"', "53 %"],
    [' class="n tt"', "<strong>10.5</strong>"],
  ]);
});

test("a flagged cell carries the flagged class beside its state class, so its score can be told apart without colour", () => {
  const row = annRow([cell({ lateDays: 1 }), cell({ override: { score: 5, reason: "r" }, score: 5 }), cell()], {
    total: 20,
    late: true,
    lateDays: 1,
  });
  const html = gradebookRowsHtml([row], {
    missing: "—",
    label: () => "flag",
    classes: { overridden: "ov", errorCell: "er", marks: "mk", num: "n", muted: "m", flagged: "fl" },
  });
  const attrs = [...html.matchAll(/<td([^>]*)>/g)].map((m) => m[1]);
  expect(attrs).toEqual([
    "",
    ' class="fl" data-s="sub1" title="flag"',
    ' class="ov fl" data-s="sub1" title="flag"',
    ' data-s="sub1"',
    ' class="n"',
  ]);
});
