/** What a TypeScript declaration says about the entry function, read from its text. */

/**
 * The parameter names of `function entry(…)` in `declaration`, in order ("V0", "W", "a", …).
 * Parameters are split at top-level commas, so types like `{ W: Mat; a: Vec }` or `[number, number]`
 * do not break a name apart. Empty when the declaration has no such function.
 */
export function parameterNames(declaration: string, entry: string): string[] {
  const m = new RegExp(`function\\s+${entry}\\s*(?:<[^>]*>)?\\s*\\(`).exec(declaration);
  if (!m) return [];
  const names: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = m.index + m[0].length; i < declaration.length; i++) {
    const ch = declaration[i];
    if (depth === 0 && (ch === "," || ch === ")")) {
      const name = /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(current)?.[1];
      if (name) names.push(name);
      current = "";
      if (ch === ")") break;
      continue;
    }
    if ("([{<".includes(ch)) depth++;
    else if (")]}".includes(ch) || (ch === ">" && declaration[i - 1] !== "=")) depth--;
    current += ch;
  }
  return names;
}
