"use client";
/** Run, Submit, Reset and the editor theme; the save state sits in the editor's status bar, so nothing here reflows while typing. */

import { useTranslations } from "next-intl";
import { useSaveState, type DraftStore } from "./useDraft";
import styles from "./workspace.module.css";

export interface ToolbarProps {
  mod: string;
  ready: boolean;
  running: boolean;
  submitting: boolean;
  canSubmit: boolean;
  dark: boolean;
  onRun: () => void;
  onSubmit: () => void;
  onReset: () => void;
  onDark: (dark: boolean) => void;
}

export function Toolbar(p: ToolbarProps) {
  const t = useTranslations("student.exercise");
  return (
    <div className={styles.toolbar} role="toolbar" aria-label={t("toolbar")}>
      <button
        type="button"
        className="button"
        onClick={p.onRun}
        disabled={p.running || !p.ready}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        data-testid="run"
      >
        {p.running ? t("running") : t("run")} <kbd className={styles.kbdHint}>{p.mod}+↵</kbd>
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={p.onSubmit}
        disabled={!p.ready || !p.canSubmit || p.submitting}
        aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
        data-testid="submit"
      >
        {p.submitting ? t("submitting") : t("submit")} <kbd className={styles.kbdHint}>{p.mod}+⇧+↵</kbd>
      </button>
      <button type="button" className="button button--quiet" onClick={p.onReset} data-testid="reset">
        {t("reset")}
      </button>
      <label className={styles.themeSwitch}>
        <input type="checkbox" checked={p.dark} onChange={(e) => p.onDark(e.target.checked)} /> {t("darkTheme")}
      </label>
    </div>
  );
}

/** "Draft saved" / "Unsaved changes" …: the only component a keystroke can re-render, and only when the state changes. */
export function SaveIndicator({ draft }: { draft: DraftStore }) {
  const t = useTranslations("student.exercise");
  const state = useSaveState(draft);
  return (
    <span role="status" data-testid="save-state" data-state={state}>
      {t(`save.${state}`)}
    </span>
  );
}
