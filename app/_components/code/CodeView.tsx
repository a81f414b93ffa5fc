/**
 * Read-only code with line numbers (submissions, staff review). Plain text, no editor:
 * cheap to render on the server. `highlightLines` marks lines (e.g. a compile error);
 * `lineAnchors` gives each line an id `<idPrefix>-L<n>` for links and comments.
 * `lineLabel` turns each line number into a button (`data-line`) that a client wrapper
 * listens to, for comments on a clicked line (staff review).
 */

import styles from "./Code.module.css";

export interface CodeViewProps {
  code: string;
  label: string;
  highlightLines?: number[];
  idPrefix?: string;
  /** Extra content after a line (e.g. staff comments), keyed by 1-based line. */
  lineExtras?: Record<number, React.ReactNode>;
  /** The accessible name of line n's button; the numbers are plain text when absent. */
  lineLabel?: (n: number) => string;
}

export function CodeView({ code, label, highlightLines = [], idPrefix, lineExtras, lineLabel }: CodeViewProps) {
  const lines = code.replace(/\n$/, "").split("\n");
  const marked = new Set(highlightLines);
  return (
    <figure className={styles.code} aria-label={label}>
      <pre className={styles.pre} tabIndex={0}>
        <code>
          {lines.map((text, i) => (
            <span key={i} className={styles.block}>
              <span
                id={idPrefix ? `${idPrefix}-L${i + 1}` : undefined}
                className={marked.has(i + 1) ? `${styles.line} ${styles.marked}` : styles.line}
                data-line={lineLabel ? i + 1 : undefined}
              >
                {lineLabel ? (
                  <button type="button" className={`${styles.num} ${styles.numButton}`} aria-label={lineLabel(i + 1)}>
                    {i + 1}
                  </button>
                ) : (
                  <span className={styles.num} aria-hidden="true">
                    {i + 1}
                  </span>
                )}
                <span className={styles.text}>{text || " "}</span>
              </span>
              {lineExtras?.[i + 1] ? <span className={styles.extra}>{lineExtras[i + 1]}</span> : null}
            </span>
          ))}
        </code>
      </pre>
    </figure>
  );
}
