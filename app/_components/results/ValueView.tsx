/**
 * Readable numbers, vectors, matrices and records (a grader case's inputs,
 * expected and actual values). When `against` is given, elements that differ
 * from it beyond the default tolerance (DOMAIN.md: |a − e| ≤ atol + rtol·|e|) are
 * highlighted and marked with "≠"; the grader's message is the authority.
 * A large output is stored as a preview (grader/preview.ts): its first values, shape and
 * statistics are shown, saying it was cut; large arrays render folded.
 */

import { useTranslations } from "next-intl";
import { firstValues, isOutputPreview, type OutputPreview } from "@/grader/preview";
import styles from "./Results.module.css";

/** An array with more values than this renders folded, its first FOLD_ABOVE values only: pages stay light. */
const FOLD_ABOVE = 400;

const ATOL = 1e-9;
const RTOL = 1e-7;

/** Up to 6 significant digits; integers as they are. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return String(x).replace(/^-/, "−");
  const s = Math.abs(x) >= 1e-4 && Math.abs(x) < 1e6 ? x.toPrecision(6).replace(/\.?0+$/, "") : x.toExponential(4);
  return s.replace(/^-/, "−");
}

/** A score as students read it: at most two decimals (1.43 / 10); the exact value stays in the data and exports. */
export function formatScore(x: number): string {
  return formatNumber(Math.round(x * 100) / 100);
}

function differs(actual: unknown, expected: unknown): boolean {
  if (typeof actual === "number" && typeof expected === "number") {
    if (Number.isNaN(actual) || Number.isNaN(expected)) return !(Number.isNaN(actual) && Number.isNaN(expected));
    if (!Number.isFinite(actual) || !Number.isFinite(expected)) return actual !== expected;
    return Math.abs(actual - expected) > ATOL + RTOL * Math.abs(expected);
  }
  return JSON.stringify(actual) !== JSON.stringify(expected);
}

const isNumArray = (v: unknown): v is unknown[] =>
  Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null);
const isMatrix = (v: unknown): v is unknown[][] => Array.isArray(v) && v.length > 0 && v.every((r) => isNumArray(r));

/** The grader stores NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers). */
function revive(v: unknown): unknown {
  return v === "NaN" || v === "Infinity" || v === "-Infinity" ? Number(v) : v;
}

function Scalar({ value: raw, against: rawAgainst }: { value: unknown; against?: { value: unknown } }) {
  const value = revive(raw);
  const against = rawAgainst ? { value: revive(rawAgainst.value) } : undefined;
  const bad = against !== undefined && differs(value, against.value);
  const text =
    typeof value === "number" ? formatNumber(value) : value === undefined ? "undefined" : JSON.stringify(value);
  return (
    <span className={bad ? styles.bad : undefined} title={typeof value === "number" ? String(value) : undefined}>
      {bad ? (
        <span className={styles.neq} aria-label="≠">
          ≠
        </span>
      ) : null}
      {text}
    </span>
  );
}

/** Shows the shape so a wrong shape is visible at a glance. */
function shapeOf(v: unknown): string {
  if (isMatrix(v)) return `${v.length} × ${v[0].length}`;
  if (Array.isArray(v)) return `${v.length}`;
  return "";
}

function leaves(v: unknown): number {
  return Array.isArray(v) ? v.reduce((n: number, x) => n + leaves(x), 0) : 1;
}

/** A large array folded behind a disclosure, with its first FOLD_ABOVE values. */
function Folded({ value, against, label }: { value: unknown[]; against?: { value: unknown }; label?: string }) {
  const t = useTranslations("student.results");
  const exp = against?.value;
  return (
    <details className={styles.matrixWrap}>
      <summary>{t("showValues", { shape: shapeOf(value), shown: FOLD_ABOVE, count: leaves(value) })}</summary>
      <ValueView
        value={firstValues(value, FOLD_ABOVE)}
        against={against ? { value: Array.isArray(exp) ? firstValues(exp, FOLD_ABOVE) : exp } : undefined}
        label={label}
      />
    </details>
  );
}

/** A stored preview of an output too large to keep: what was cut, the statistics of the whole, the first values. */
function PreviewView({
  preview,
  against,
  label,
}: {
  preview: OutputPreview;
  against?: { value: unknown };
  label?: string;
}) {
  const t = useTranslations("student.results");
  const shown = (v: number | null) => (v === null ? "—" : formatNumber(v));
  return (
    <div className={styles.matrixWrap} data-testid="output-preview">
      <p className="muted">
        {preview.shape && preview.shape.length ? (
          <span className={styles.shape}>{preview.shape.join(" × ")}</span>
        ) : null}{" "}
        {t("truncated", { shown: leaves(preview.head), elements: preview.elements })}{" "}
        {t("valueSummary", {
          elements: preview.elements,
          min: shown(preview.min),
          max: shown(preview.max),
          mean: shown(preview.mean),
          nan: preview.nanCount,
        })}
      </p>
      <ValueView value={preview.head} against={against} label={label} />
    </div>
  );
}

export function ValueView({ value, against, label }: { value: unknown; against?: { value: unknown }; label?: string }) {
  const exp = against?.value;
  if (isOutputPreview(value)) return <PreviewView preview={value} against={against} label={label} />;
  if ((isMatrix(value) || (Array.isArray(value) && isNumArray(value))) && leaves(value) > FOLD_ABOVE)
    return <Folded value={value} against={against} label={label} />;
  if (isMatrix(value)) {
    const expRows = isMatrix(exp) ? exp : undefined;
    return (
      <div className={styles.matrixWrap}>
        <span className={styles.shape}>{shapeOf(value)}</span>
        <table className={styles.matrix} aria-label={label}>
          <tbody>
            {value.map((row, i) => (
              <tr key={i}>
                {row.map((x, j) => (
                  <td key={j}>
                    <Scalar value={x} against={against ? { value: expRows?.[i]?.[j] } : undefined} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (Array.isArray(value) && isNumArray(value)) {
    const expArr = Array.isArray(exp) ? exp : undefined;
    return (
      <div className={styles.matrixWrap}>
        <span className={styles.shape}>{shapeOf(value)}</span>
        <table className={styles.matrix} aria-label={label}>
          <tbody>
            <tr>
              {value.map((x, j) => (
                <td key={j}>
                  <Scalar value={x} against={against ? { value: expArr?.[j] } : undefined} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    );
  }
  if (Array.isArray(value)) {
    const expArr = Array.isArray(exp) ? exp : undefined;
    return (
      <ol className={styles.list} start={0}>
        {(value as unknown[]).map((x, i) => (
          <li key={i}>
            <ValueView value={x} against={against ? { value: expArr?.[i] } : undefined} />
          </li>
        ))}
      </ol>
    );
  }
  if (value && typeof value === "object") {
    const expObj = exp && typeof exp === "object" ? (exp as Record<string, unknown>) : undefined;
    return (
      <dl className={styles.record}>
        {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <ValueView value={v} against={against ? { value: expObj?.[k] } : undefined} label={k} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <Scalar value={value} against={against} />;
}
