/**
 * The TypeScript declaration students see in the editor, derived from the exercise's
 * reference function: its parameters and return type as the reference declares them,
 * every type they use copied from reference/ with its doc comment, and the spec's `doc`
 * as the function's doc comment. Nobody writes it by hand, so it cannot disagree with
 * the reference. One TypeScript program serves every exercise asked for at once.
 */

import path from "node:path";
import ts from "typescript";

export interface DeclarationSource {
  folder: string;
  dir: string;
  spec: { entry: string; doc?: string };
}

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  types: [],
  lib: ["lib.es2023.d.ts"],
};

const PRINT_FLAGS =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
  ts.TypeFormatFlags.UseFullyQualifiedType;

/** Declarations keyed by folder; an exercise whose declaration cannot be derived gets an Error. */
export function deriveDeclarations(
  entries: DeclarationSource[],
  program: ts.Program = ts.createProgram(
    entries.map((e) => path.join(e.dir, "exercise.ts")),
    COMPILER_OPTIONS,
  ),
): Map<string, string | Error> {
  const checker = program.getTypeChecker();
  const out = new Map<string, string | Error>();
  for (const e of entries) {
    try {
      out.set(e.folder, deriveOne(checker, program, e));
    } catch (err) {
      out.set(e.folder, err as Error);
    }
  }
  return out;
}

/** The `reference` property of the object passed to `defineExercise` in exercise.ts's default export. */
export function referenceExpression(sf: ts.SourceFile): ts.Expression | undefined {
  for (const st of sf.statements) {
    if (!ts.isExportAssignment(st)) continue;
    let ex: ts.Expression = st.expression;
    while (ts.isParenthesizedExpression(ex) || ts.isAsExpression(ex) || ts.isSatisfiesExpression(ex))
      ex = ex.expression;
    const obj = ts.isCallExpression(ex) ? ex.arguments[0] : ex;
    if (!obj || !ts.isObjectLiteralExpression(obj)) return undefined;
    for (const p of obj.properties) {
      if (p.name && ts.isIdentifier(p.name) && p.name.text === "reference") {
        if (ts.isPropertyAssignment(p)) return p.initializer;
        if (ts.isShorthandPropertyAssignment(p)) return p.name;
      }
    }
  }
  return undefined;
}

/** The reference function's own call signature (not the spec's view of it). */
export function referenceSignature(checker: ts.TypeChecker, sf: ts.SourceFile): ts.Signature {
  const node = referenceExpression(sf);
  if (!node) throw new Error("exercise.ts has no `reference` property in its default export");
  const type = ts.isShorthandPropertyAssignment(node.parent)
    ? checker.getTypeOfSymbolAtLocation(checker.getShorthandAssignmentValueSymbol(node.parent)!, node)
    : checker.getTypeAtLocation(node);
  const sigs = type.getCallSignatures();
  if (sigs.length !== 1) throw new Error(`the reference has ${sigs.length} call signatures; exactly one is needed`);
  return sigs[0];
}

function deriveOne(checker: ts.TypeChecker, program: ts.Program, e: DeclarationSource): string {
  const sf = program.getSourceFile(path.join(e.dir, "exercise.ts"));
  if (!sf) throw new Error("exercise.ts could not be loaded");
  const sig = referenceSignature(checker, sf);
  const types = new TypeCollector(checker, program);
  const decl = sig.getDeclaration() as ts.SignatureDeclaration | undefined;
  const params = sig.parameters.map((p, i) => {
    const node = decl?.parameters[i];
    const optional = !!node && (!!node.questionToken || !!node.initializer);
    let text: string;
    if (node?.type) {
      types.fromNode(node.type);
      text = node.type.getText();
    } else {
      const t = checker.getTypeOfSymbolAtLocation(p, decl ?? sf);
      types.fromType(t);
      text = checker.typeToString(t, undefined, PRINT_FLAGS);
    }
    return `${p.name}${optional ? "?" : ""}: ${text}`;
  });
  let ret: string;
  if (decl?.type) {
    types.fromNode(decl.type);
    ret = decl.type.getText();
  } else {
    types.fromType(sig.getReturnType());
    ret = checker.typeToString(sig.getReturnType(), undefined, PRINT_FLAGS);
  }
  const doc = e.spec.doc?.trim() ? docComment(e.spec.doc) : "";
  return [...types.texts(), `${doc}export declare function ${e.spec.entry}(${params.join(", ")}): ${ret};`].join("\n");
}

function docComment(text: string): string {
  const lines = text.trim().split("\n");
  return `/**\n${lines.map((l) => ` *${l.trim() ? ` ${l.trim()}` : ""}`).join("\n")}\n */\n`;
}

/** Type aliases and interfaces from the project's own files that a signature uses, transitively, in first-use order. */
class TypeCollector {
  private readonly seen = new Set<ts.Symbol>();
  private readonly order: ts.Declaration[] = [];
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly program: ts.Program,
  ) {}

  fromNode(node: ts.Node): void {
    const visit = (n: ts.Node): void => {
      if (ts.isTypeReferenceNode(n)) this.add(this.checker.getSymbolAtLocation(n.typeName));
      else if (ts.isExpressionWithTypeArguments(n)) this.add(this.checker.getSymbolAtLocation(n.expression));
      n.forEachChild(visit);
    };
    visit(node);
  }

  fromType(t: ts.Type): void {
    if (t.aliasSymbol) return this.add(t.aliasSymbol);
    if (t.isUnionOrIntersection()) return t.types.forEach((x) => this.fromType(x));
    if (t.symbol && this.own(t.symbol)) return this.add(t.symbol);
    for (const a of this.checker.getTypeArguments(t as ts.TypeReference) ?? []) this.fromType(a);
    if (t.flags & ts.TypeFlags.Object && !(t.symbol?.flags & ts.SymbolFlags.Interface)) {
      for (const p of t.getProperties()) {
        const d = p.valueDeclaration;
        if (d) this.fromType(this.checker.getTypeOfSymbolAtLocation(p, d));
      }
    }
  }

  texts(): string[] {
    return this.order.map((d) => {
      const sf = d.getSourceFile();
      const comments = ts.getLeadingCommentRanges(sf.text, d.getFullStart()) ?? [];
      const last = comments.at(-1);
      // A doc comment directly above the declaration (a file's header comment is followed by a blank line).
      const attached =
        last && sf.text.startsWith("/**", last.pos) && !/\n\s*\n/.test(sf.text.slice(last.end, d.getStart()));
      const doc = attached ? `${sf.text.slice(last.pos, last.end)}\n` : "";
      return doc + d.getText().replace(/^export\s+/, "");
    });
  }

  /** Declared in a project file (not a TypeScript lib) as a type alias or an interface. */
  private own(sym: ts.Symbol): ts.Declaration | undefined {
    const d = sym.declarations?.[0];
    if (!d || !(ts.isTypeAliasDeclaration(d) || ts.isInterfaceDeclaration(d))) return undefined;
    return this.program.isSourceFileDefaultLibrary(d.getSourceFile()) || d.getSourceFile().isDeclarationFile
      ? undefined
      : d;
  }

  private add(symbol: ts.Symbol | undefined): void {
    if (!symbol) return;
    const sym = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    const d = this.own(sym);
    if (!d || this.seen.has(sym)) return;
    this.seen.add(sym);
    // Dependencies first, so each type reads after the ones it builds on.
    if (ts.isTypeAliasDeclaration(d)) this.fromNode(d.type);
    else {
      const i = d as ts.InterfaceDeclaration;
      i.heritageClauses?.forEach((h) => this.fromNode(h));
      i.members.forEach((m) => this.fromNode(m));
    }
    this.order.push(d);
  }
}
