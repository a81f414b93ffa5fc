// Server-rendered output of the shared display components: sanitised Markdown with KaTeX, and the line diff.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, withoutTitle } from "@/app/_components/markdown/Markdown";
import { diffRows } from "@/app/_components/code/CodeDiff";
import { formatNumber } from "@/app/_components/results/ValueView";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("Markdown", () => {
  it("typesets inline and display math with KaTeX", () => {
    const html = render("Energy $E(v,h) = -a^\\top v$ and\n\n$$\nF(v) = -\\sum_j \\log(1 + e^{z_j})\n$$\n");
    expect(html).toContain('class="katex"');
    expect(html).toContain("katex-display");
    expect(html).toContain("<annotation");
  });

  it("treats a line holding only $$…$$ as display math, as prompts write it", () => {
    const html = render("The energy is\n\n$$E(x) = -\\tfrac12 x^\\top W x$$\n\nand $$a$$ inline stays inline.");
    expect(html.match(/katex-display/g)?.length).toBe(1);
  });

  it("withoutTitle drops only a leading level-1 heading (the exercise page shows the title itself)", () => {
    expect(withoutTitle("# One step of CD-1\n\nImplement `cd1`.\n\n# Not a title\n")).toBe(
      "Implement `cd1`.\n\n# Not a title\n",
    );
    expect(withoutTitle("Implement `cd1`.\n## Inputs\n")).toBe("Implement `cd1`.\n## Inputs\n");
  });

  it("renders no raw HTML, event handlers or javascript: links", () => {
    const html = render(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) <b onclick="x()">b</b>\n\n**bold**',
    );
    expect(html).not.toMatch(/<script|<img|onerror|onclick|javascript:|<b /i);
    expect(html).toContain("<strong>bold</strong>");
  });
});

describe("CodeDiff rows", () => {
  it("numbers old and new lines and marks additions and removals", () => {
    const rows = diffRows("a\nb\nc\n", "a\nB\nc\nd\n");
    expect(rows.map((r) => [r.kind, r.old, r.new, r.text])).toEqual([
      ["same", 1, 1, "a"],
      ["removed", 2, null, "b"],
      ["added", null, 2, "B"],
      ["same", 3, 3, "c"],
      ["added", null, 4, "d"],
    ]);
    expect(diffRows("x", "x\n").every((r) => r.kind === "same")).toBe(true);
  });
});

describe("number formatting", () => {
  it("shows six significant digits, true minus signs, NaN and infinities", () => {
    expect(formatNumber(0.123456789)).toBe("0.123457");
    expect(formatNumber(-2)).toBe("−2");
    expect(formatNumber(1e-12)).toBe("1.0000e-12");
    expect(formatNumber(Number.NaN)).toBe("NaN");
    expect(formatNumber(-Infinity)).toBe("−∞");
  });
});
