/**
 * The footer appended to every served prompt, generated from the spec in both languages:
 * how each output is compared, that the inputs must not be modified, and which "lab"
 * helpers may be imported. Prompts themselves never restate these.
 */

import { DEFAULT_TOLERANCE, type ExerciseSpec, type OutputSchema } from "../grader/spec";

type Lang = "en" | "zh";

/** The prompt file's text followed by the generated footer. */
export function servedPrompt(text: string, spec: ExerciseSpec, lang: Lang): string {
  return `${text.trimEnd()}\n\n${promptFooter(spec, lang)}\n`;
}

export function promptFooter(spec: ExerciseSpec, lang: Lang): string {
  const zh = lang === "zh";
  const lines = [
    zh ? "**判分方式**" : "**How it is graded**",
    "",
    ...comparisons(spec.output, zh).map((l) => `- ${l}`),
  ];
  if (spec.toleranceReason)
    lines.push(
      zh
        ? `- 容差有所放宽，原因：${spec.toleranceReason.zh}`
        : `- The tolerance is looser than the default because ${spec.toleranceReason.en}`,
    );
  lines.push(
    zh
      ? "- 不要修改输入：修改了任何参数的函数在该用例上判为不通过。"
      : "- Do not modify the inputs: a function that changes an argument fails that case.",
  );
  const helpers = spec.helpers ?? [];
  const list = helpers.map((h) => `\`${h}\``).join(zh ? "、" : ", ");
  lines.push(
    helpers.length === 0
      ? zh
        ? "- 本题不能导入任何模块，包括辅助模块 `lab`。"
        : '- No imports are available in this exercise, not even the helper module `"lab"`.'
      : zh
        ? `- 可以从 \`"lab"\` 导入这些辅助函数：${list}。`
        : `- You may import these helpers from \`"lab"\`: ${list}.`,
  );
  return lines.join("\n");
}

/** One line per group of outputs compared the same way. */
function comparisons(schema: OutputSchema, zh: boolean): string[] {
  if (schema.kind !== "record") return [`${zh ? "返回值" : "The result"} ${rule(schema, zh, false)}`];
  const groups = new Map<Leaf, string[]>();
  const visit = (s: OutputSchema, at: string) => {
    if (s.kind === "record") for (const [k, f] of Object.entries(s.fields)) visit(f, at ? `${at}.${k}` : k);
    else {
      const same = [...groups.keys()].find((g) => rule(g, zh, false) === rule(s, zh, false)) ?? s;
      groups.set(same, [...(groups.get(same) ?? []), `\`${at}\``]);
    }
  };
  visit(schema, "");
  return [...groups].map(([leaf, fields]) => `${fields.join(zh ? "、" : ", ")} ${rule(leaf, zh, fields.length > 1)}`);
}

type Leaf = Exclude<OutputSchema, { kind: "record" }>;

function rule(schema: Leaf, zh: boolean, plural: boolean): string {
  if (schema.kind === "exact") return zh ? "必须完全一致。" : "must match exactly.";
  const { atol, rtol } = { ...DEFAULT_TOLERANCE, ...schema.tol };
  const bound = `$|x - e| \\le ${tex(atol)} + ${tex(rtol)}\\,|e|$`;
  return zh
    ? `逐元素比较，容差为 ${bound}（$e$ 为期望值）。`
    : `${plural ? "are" : "is"} compared elementwise within ${bound} ($e$ the expected value).`;
}

/** 1e-9 → 10^{-9}; other numbers as written. */
function tex(x: number): string {
  const k = Math.log10(x);
  return Number.isInteger(k) ? `10^{${k}}` : String(x);
}
