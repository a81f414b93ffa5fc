/**
 * The one rule by which the mutation analysis (exercises/mutation.ts) leaves code of the reference unmutated:
 * input validation. Every case an exercise generates is valid by construction, so a mutant that only changes
 * which *invalid* inputs throw, or the words of the error, cannot change a grade. A Stryker ignorer
 * (the instrumenter's own plug-in point) skips, with their sub-trees:
 * - `if (…) throw …` with no else, and any other `throw` statement;
 * - a helper named `check…` that returns nothing (it can only throw), a statement that calls one, and a
 *   `forEach` whose callback is such a call;
 * - string arguments of a `check…` call and string defaults of a `check…` helper's parameters (they only
 *   name things in the error message).
 * Everything else in reference/ is mutated, including a `check…` helper's returned value.
 */

/** The slice of Babel's AST that the rule reads (the instrumenter passes Babel NodePaths). */
interface Node {
  type: string;
  [key: string]: unknown;
}
interface Path {
  node: Node;
  parent?: Node | null;
  parentPath?: Path | null;
}

export const VALIDATION_REASON = "input validation: cases are valid by construction";

const isCheckName = (name: unknown): boolean => typeof name === "string" && /^check[A-Z]/.test(name);
const nodeAt = (n: Node, key: string): Node | undefined => n[key] as Node | undefined;

function isThrowOnly(n: Node | undefined): boolean {
  if (!n) return false;
  if (n.type === "ThrowStatement") return true;
  const body = n.body as Node[] | undefined;
  return n.type === "BlockStatement" && body?.length === 1 && body[0].type === "ThrowStatement";
}

function isCheckCall(n: Node | undefined): boolean {
  if (n?.type !== "CallExpression") return false;
  const callee = nodeAt(n, "callee");
  return callee?.type === "Identifier" && isCheckName(callee.name);
}

/** A `check…` call whose value is dropped, or `xs.forEach((…) => check…(…))`. */
function isValidationStatement(n: Node): boolean {
  if (n.type !== "ExpressionStatement") return false;
  const e = nodeAt(n, "expression");
  if (isCheckCall(e)) return true;
  if (e?.type !== "CallExpression") return false;
  const callee = nodeAt(e, "callee");
  const property = callee && nodeAt(callee, "property");
  const [callback] = (e.arguments as Node[] | undefined) ?? [];
  return (
    callee?.type === "MemberExpression" &&
    property?.name === "forEach" &&
    callback?.type === "ArrowFunctionExpression" &&
    isCheckCall(nodeAt(callback, "body"))
  );
}

/** A `function check…` without `return <value>` anywhere in it. */
function isValidationHelper(n: Node): boolean {
  if (n.type !== "FunctionDeclaration" || !isCheckName(nodeAt(n, "id")?.name)) return false;
  const returnsValue = (m: unknown): boolean => {
    if (!m || typeof m !== "object") return false;
    if (Array.isArray(m)) return m.some(returnsValue);
    const node = m as Node;
    if (node.type === "ReturnStatement" && node.argument) return true;
    return Object.entries(node).some(([k, v]) => k !== "loc" && returnsValue(v));
  };
  return !returnsValue(nodeAt(n, "body"));
}

function isCheckLabel(path: Path): boolean {
  const { node, parent } = path;
  if (node.type !== "StringLiteral" && node.type !== "TemplateLiteral") return false;
  if (isCheckCall(parent ?? undefined)) return (parent!.arguments as Node[]).includes(node);
  // a parameter default, `where = "rbm"`, of a check… helper
  const fn = path.parentPath?.parent;
  return (
    parent?.type === "AssignmentPattern" && fn?.type === "FunctionDeclaration" && isCheckName(nodeAt(fn, "id")?.name)
  );
}

/** The Stryker ignorer: the reason when `path` is input validation, else undefined. */
export const validationIgnorer = {
  shouldIgnore(path: Path): string | undefined {
    const n = path.node;
    const validation =
      (n.type === "IfStatement" && !n.alternate && isThrowOnly(nodeAt(n, "consequent"))) ||
      n.type === "ThrowStatement" ||
      isValidationStatement(n) ||
      isValidationHelper(n) ||
      isCheckLabel(path);
    return validation ? VALIDATION_REASON : undefined;
  },
};
