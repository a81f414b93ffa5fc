"use client";
/**
 * The draft: the editor's text and its autosave. Monaco owns the text; this store
 * reads it when saving and writes it only on restore and reset. The save state lives
 * outside React state, so a keystroke re-renders nothing but the save indicator, and
 * only when that state changes.
 */

import { useEffect, useState, useSyncExternalStore } from "react";
import type { MonacoCodeEditor } from "@/app/_components/editor/CodeEditor";

export type SaveState = "saved" | "saving" | "unsaved" | "error";

/** Save this long after the last keystroke … */
const AUTOSAVE_MS = 800;
/** … and at least this often while typing goes on. */
const AUTOSAVE_MAX_WAIT_MS = 3000;

export interface DraftStore {
  /** The text in the editor now (the initial draft until the editor is ready). */
  code: () => string;
  attach: (editor: MonacoCodeEditor) => void;
  /** The editor's text changed (a keystroke, paste, undo …). */
  changed: () => void;
  /** Replaces the editor's text as one undoable edit (restore, reset). */
  replace: (code: string, saved: boolean) => void;
  /** The server now holds the editor's text (a submit stores it as the draft). */
  markSaved: () => void;
  subscribe: (listener: () => void) => () => void;
  state: () => SaveState;
}

export function createDraftStore(initialCode: string, save: (code: string) => Promise<unknown>): DraftStore {
  let editor: MonacoCodeEditor | null = null;
  let state: SaveState = "saved";
  /** Bumped on every change; a save that sent an older version leaves the state "unsaved". */
  let version = 0;
  let savedVersion = 0;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnsavedAt: number | null = null;
  const listeners = new Set<() => void>();

  const setState = (next: SaveState) => {
    if (next === state) return;
    state = next;
    for (const l of listeners) l();
  };
  const code = () => editor?.getValue() ?? initialCode;

  const schedule = () => {
    if (timer) clearTimeout(timer);
    const now = Date.now();
    firstUnsavedAt ??= now;
    const wait = Math.max(0, Math.min(AUTOSAVE_MS, firstUnsavedAt + AUTOSAVE_MAX_WAIT_MS - now));
    timer = setTimeout(() => void saveNow(), wait);
  };

  async function saveNow() {
    timer = null;
    if (inFlight) return; // the running save reschedules when it ends
    inFlight = true;
    firstUnsavedAt = null;
    const sent = version;
    setState("saving");
    try {
      await save(code());
      savedVersion = Math.max(savedVersion, sent);
      setState(version === savedVersion ? "saved" : "unsaved");
    } catch {
      setState("error");
    } finally {
      inFlight = false;
      if (version !== savedVersion && !timer) schedule();
    }
  }

  function markSaved() {
    if (timer) clearTimeout(timer);
    timer = null;
    firstUnsavedAt = null;
    savedVersion = version;
    setState("saved");
  }

  return {
    code,
    attach(e) {
      editor = e;
    },
    changed() {
      version++;
      if (state !== "saving") setState("unsaved");
      schedule();
    },
    replace(next, saved) {
      const model = editor?.getModel();
      if (editor && model) {
        // Through an edit, so Ctrl+Z brings the previous code back.
        editor.executeEdits("gibbs", [{ range: model.getFullModelRange(), text: next }]);
        editor.pushUndoStop();
        editor.focus();
      } else initialCode = next;
      if (saved) markSaved();
    },
    markSaved,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    state: () => state,
  };
}

/**
 * One draft store for the page; on leaving the page an unsaved draft is sent with
 * `keepalive`, so closing the tab right after typing loses nothing.
 */
export function useDraft(initialCode: string, save: (code: string) => Promise<unknown>, draftUrl: string) {
  const [store] = useState(() => createDraftStore(initialCode, save));
  useEffect(() => {
    const flush = () => {
      if (store.state() === "saved") return;
      void fetch(draftUrl, {
        method: "PUT",
        body: JSON.stringify({ code: store.code() }),
        headers: { "content-type": "application/json" },
        keepalive: true,
      });
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [store, draftUrl]);
  return store;
}

export function useSaveState(store: DraftStore): SaveState {
  return useSyncExternalStore(store.subscribe, store.state, () => "saved");
}
