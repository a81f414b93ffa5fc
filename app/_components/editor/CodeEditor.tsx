"use client";
/**
 * The exercise editor: Monaco with the TypeScript language service (exercise
 * declaration + "lab" types), line numbers, light/dark theme, and compile errors
 * marked at their line. Monaco owns the text: the editor is uncontrolled (its model
 * starts from `initialCode` and is read through `editorRef`), so typing re-renders no
 * React component; the page writes to the model only to restore or reset. The cursor
 * position is shown in a status bar under the editor, written straight into the DOM. Load it with
 * `dynamic(() => import(".../CodeEditor"), { ssr: false })`.
 */

import { memo, useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
import Editor, { type OnMount } from "@monaco-editor/react";
import { monaco, setExerciseDeclaration } from "./monaco";
import styles from "./CodeEditor.module.css";

export interface EditorMarker {
  line: number;
  column?: number | null;
  message: string;
}

export type MonacoCodeEditor = monaco.editor.IStandaloneCodeEditor;

export interface CodeEditorProps {
  /** The text the model starts with; later changes to this prop are ignored (use `editorRef`). */
  initialCode: string;
  /** Called after every change of the text; read the text from the editor itself. */
  onChange(): void;
  /** TypeScript declaration of the exercise's entry function. */
  declaration: string;
  dark: boolean;
  ariaLabel: string;
  /** Compile errors reported by the grader, shown as error squiggles. */
  markers: EditorMarker[];
  /** Called once the editor can be typed in, with the editor. */
  onReady(editor: MonacoCodeEditor): void;
  /** Label of the cursor position ("Line {line}, column {column}" with those placeholders). */
  positionLabel: string;
  /** Shown in the status bar after the cursor position (keep its identity stable: it is compared by reference). */
  status?: ReactNode;
}

const MARKER_OWNER = "gibbs-grader";

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  lineNumbers: "on",
  minimap: { enabled: false },
  fontSize: 14,
  tabSize: 2,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  fixedOverflowWidgets: true,
  // Tab inserts spaces; Ctrl+M toggles tab-focus mode so keyboard users can leave the editor.
  tabFocusMode: false,
  // Unused code is not faded (an unused starter parameter at 1.95:1 contrast fails WCAG); the squiggle stays.
  showUnused: false,
  // The number of the empty line after a final newline is not dimmed either (1.75:1 fails axe's contrast rule).
  renderFinalNewline: "on",
};

function CodeEditor(props: CodeEditorProps) {
  const editorRef = useRef<MonacoCodeEditor | null>(null);
  const positionRef = useRef<HTMLSpanElement | null>(null);
  // Monaco's listeners are registered once; they call the latest handlers.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => setExerciseDeclaration(props.declaration), [props.declaration]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      props.markers.map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        const startColumn = m.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1;
        return {
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: line,
          startColumn: Math.max(1, startColumn),
          endLineNumber: line,
          endColumn: Math.max(startColumn + 1, model.getLineMaxColumn(line)),
        };
      }),
    );
    if (props.markers.length) editorRef.current?.revealLineInCenterIfOutsideViewport(props.markers[0].line);
  }, [props.markers]);

  const showPosition = (p: monaco.Position) => {
    const el = positionRef.current;
    if (!el) return;
    el.textContent = latest.current.positionLabel
      .replace("{line}", String(p.lineNumber))
      .replace("{column}", String(p.column));
    el.dataset.position = `${p.lineNumber}:${p.column}`;
  };

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.onDidChangeModelContent(() => latest.current.onChange());
    editor.onDidChangeCursorPosition((e) => showPosition(e.position));
    showPosition(editor.getPosition() ?? new monaco.Position(1, 1));
    latest.current.onReady(editor);
  };

  return (
    <div className={styles.frame}>
      <div className={styles.surface}>
        <Editor
          height="100%"
          language="typescript"
          path="file:///student/solution.ts"
          defaultValue={props.initialCode}
          onMount={onMount}
          theme={props.dark ? "gibbs-dark" : "gibbs-light"}
          loading={null}
          options={{ ...OPTIONS, ariaLabel: props.ariaLabel }}
        />
      </div>
      <div className={styles.statusBar}>
        <span ref={positionRef} data-testid="cursor-position" />
        {props.status}
      </div>
    </div>
  );
}

/** Memoised: the page's state changes (save state, results) never re-render Monaco. */
export default memo(CodeEditor);
