/**
 * Line diff of two versions of a file (the `diff` package), with old and new line
 * numbers. Added lines are green with "+", removed red with "−", so colour is not the only cue.
 */

import { diffLines } from "diff";
import styles from "./Code.module.css";

export interface CodeDiffProps {
  before: string;
  after: string;
  label: string;
  /** Accessible names of the two sides, e.g. "Submission 1" / "Submission 2". */
  beforeLabel: string;
  afterLabel: string;
  /** Shown when the two are identical. */
  identicalText: string;
}

interface Row {
  kind: "same" | "added" | "removed";
  old: number | null;
  new: number | null;
  text: string;
}

export function diffRows(before: string, after: string): Row[] {
  const rows: Row[] = [];
  let o = 1;
  let n = 1;
  for (const part of diffLines(
    before.endsWith("\n") ? before : before + "\n",
    after.endsWith("\n") ? after : after + "\n",
  )) {
    const lines = part.value.replace(/\n$/, "").split("\n");
    for (const text of lines) {
      if (part.added) rows.push({ kind: "added", old: null, new: n++, text });
      else if (part.removed) rows.push({ kind: "removed", old: o++, new: null, text });
      else rows.push({ kind: "same", old: o++, new: n++, text });
    }
  }
  return rows;
}

export function CodeDiff({ before, after, label, beforeLabel, afterLabel, identicalText }: CodeDiffProps) {
  const rows = diffRows(before, after);
  const changed = rows.some((r) => r.kind !== "same");
  return (
    <figure className={styles.code} aria-label={label}>
      <figcaption className={styles.caption}>
        <span className={styles.removedKey}>− {beforeLabel}</span>{" "}
        <span className={styles.addedKey}>+ {afterLabel}</span>
        {!changed ? <span className="muted"> · {identicalText}</span> : null}
      </figcaption>
      <pre className={styles.pre} tabIndex={0}>
        <code>
          {rows.map((r, i) => (
            <span
              key={i}
              className={`${styles.line} ${r.kind === "added" ? styles.added : r.kind === "removed" ? styles.removed : ""}`}
              data-kind={r.kind}
            >
              <span className={styles.num} aria-hidden="true">
                {r.old ?? ""}
              </span>
              <span className={styles.num} aria-hidden="true">
                {r.new ?? ""}
              </span>
              <span className={styles.sign} aria-hidden="true">
                {r.kind === "added" ? "+" : r.kind === "removed" ? "−" : " "}
              </span>
              <span className={styles.text}>{r.text || " "}</span>
            </span>
          ))}
        </code>
      </pre>
    </figure>
  );
}
