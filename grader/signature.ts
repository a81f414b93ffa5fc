/** Parameter names read from source text: a TypeScript declaration, or a function's own source. */

/**
 * The parameter names of `function name(…)` in `source` (or of the first parameter list when no name
 * is given, as in `fn.toString()`), in order: "V0", "W", "a", …. Parameters are split at top-level
 * commas, so types like `{ W: Mat; a: Vec }`, `(v: Vec) => number` or defaults do not break a name
 * apart; a destructured parameter has no name and is left out. Empty when there is no such function.
 */
export function parameterNames(source: string, name?: string): string[] {
  const m = name ? new RegExp(`function\\s+${name}\\s*(?:<[^>]*>)?\\s*\\(`).exec(source) : /\(/.exec(source);
  if (!m) return [];
  const names: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = m.index + m[0].length; i < source.length; i++) {
    const ch = source[i];
    if (depth === 0 && (ch === "," || ch === ")")) {
      const param = /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(current)?.[1];
      if (param) names.push(param);
      current = "";
      if (ch === ")") break;
      continue;
    }
    if ("([{<".includes(ch)) depth++;
    else if (")]}".includes(ch) || (ch === ">" && source[i - 1] !== "=")) depth--;
    current += ch;
  }
  return names;
}
