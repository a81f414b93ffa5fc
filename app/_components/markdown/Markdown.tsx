/**
 * Prompt and comment rendering: Markdown with `$…$` / `$$…$$` math typeset by KaTeX.
 * Raw HTML is never rendered (react-markdown ignores it, and rehype-sanitize cleans
 * what Markdown itself produces); KaTeX runs after sanitising, on math nodes only.
 * Works in server and client components. KaTeX's CSS and fonts come from the npm package.
 */

import type { Element, Root } from "hast";
import ReactMarkdown from "react-markdown";
import remarkMath from "remark-math";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeKatex from "rehype-katex";
import "katex/dist/katex.min.css";
import styles from "./Markdown.module.css";

/** The default (GitHub-like) schema, plus the classes remark-math puts on math nodes. */
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-./, "math-inline", "math-display"]],
  },
};

/**
 * Display equations become keyboard-focusable regions (a wide one scrolls on its own line, and
 * keyboard users must be able to scroll it too: axe `scrollable-region-focusable`).
 */
function focusableDisplayMath() {
  return (tree: Root) => {
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        const cls = child.properties.className;
        if (Array.isArray(cls) && cls.includes("katex-display")) {
          child.properties.tabIndex = 0;
          child.properties.role = "group";
        } else walk(child);
      }
    };
    walk(tree);
  };
}

/** A line that is only `$$…$$` is display math (remark-math needs the fences on their own lines for that). */
export function displayMathLines(source: string): string {
  return source.replace(/^[ \t]*\$\$([^\n]+?)\$\$[ \t]*$/gm, (_m, tex: string) => `$$\n${tex}\n$$`);
}

/** The prompt without its leading `# Title` line, for pages that already show the title as their heading. */
export function withoutTitle(source: string): string {
  return source.replace(/^\s*# [^\n]*\n+/, "");
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={[styles.markdown, className].filter(Boolean).join(" ")}>
      <ReactMarkdown
        remarkPlugins={[remarkMath]}
        rehypePlugins={[[rehypeSanitize, schema], rehypeKatex, focusableDisplayMath]}
        skipHtml
      >
        {displayMathLines(source)}
      </ReactMarkdown>
    </div>
  );
}
