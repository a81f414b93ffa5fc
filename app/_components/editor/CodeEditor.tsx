"use client";
/**
 * The exercise editor: Monaco with the TypeScript language service (exercise
 * declaration + "lab" types), line numbers, light/dark theme, Run/Submit key
 * bindings, and compile errors marked at their line. Load it with
 * `dynamic(() => import(".../CodeEditor"), { ssr: false })`.
 */

import { useEffect, useRef } from "react";
import Editor, { type OnMount } from "@monaco-editor/react";
import { monaco, setExerciseDeclaration } from "./monaco";

export interface EditorMarker {
  line: number;
  column?: number | null;
  message: string;
}

export interface CodeEditorProps {
  value: string;
  onChange(code: string): void;
  /** TypeScript declaration of the exercise's entry function. */
  declaration: string;
  dark: boolean;
  ariaLabel: string;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Ctrl/Cmd+Shift+Enter. */
  onSubmit(): void;
  /** Compile errors reported by the grader, shown as error squiggles. */
  markers: EditorMarker[];
  /** Called once the editor can be typed in. */
  onReady?(): void;
  /** Lets the page replace the text (restore, reset) and focus the editor. */
  editorRef?: React.MutableRefObject<monaco.editor.IStandaloneCodeEditor | null>;
}

const MARKER_OWNER = "gibbs-grader";

export default function CodeEditor(props: CodeEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Key bindings are registered once; they call the latest handlers.
  const handlers = useRef({ onRun: props.onRun, onSubmit: props.onSubmit });
  handlers.current = { onRun: props.onRun, onSubmit: props.onSubmit };

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

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    if (props.editorRef) props.editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onRun());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () =>
      handlers.current.onSubmit(),
    );
    props.onReady?.();
  };

  return (
    <Editor
      height="100%"
      language="typescript"
      path="file:///student/solution.ts"
      value={props.value}
      onChange={(v) => props.onChange(v ?? "")}
      onMount={onMount}
      theme={props.dark ? "gibbs-dark" : "gibbs-light"}
      loading={null}
      options={{
        lineNumbers: "on",
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        ariaLabel: props.ariaLabel,
        fixedOverflowWidgets: true,
        // Tab inserts spaces; Ctrl+M toggles tab-focus mode so keyboard users can leave the editor.
        tabFocusMode: false,
      }}
    />
  );
}
