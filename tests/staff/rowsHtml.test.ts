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
    overrides: 1,
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
  expect(html).toContain('<td><a href="submissions/sub1">7.5</a></td>');
  expect(html).toContain("<td>—</td>");
  expect(html).toContain('class="ov" title="overridden: &quot;&gt;&lt;script&gt;"');
  expect(html).toContain("◆");
  expect(html).toContain('<td class="n"><strong>12.5</strong></td>');
});
