"use client";
/** The editor's theme: the reader's stored choice, else the system's colour scheme. */

import { browserValuesChanged, useBrowserValue } from "@/app/_components/browser/useBrowserValue";

const KEY = "gibbs-editor-theme";

function storedDark(): boolean {
  const stored = localStorage.getItem(KEY);
  return stored ? stored === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function useDarkMode(): [boolean, (v: boolean) => void] {
  const dark = useBrowserValue(storedDark, false);
  const set = (v: boolean) => {
    localStorage.setItem(KEY, v ? "dark" : "light");
    browserValuesChanged();
  };
  return [dark, set];
}
