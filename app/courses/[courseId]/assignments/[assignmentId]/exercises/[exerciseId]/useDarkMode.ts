"use client";
/** The editor's theme: the reader's stored choice, else the system's colour scheme. */

import { useEffect, useState } from "react";

const KEY = "gibbs-editor-theme";

export function useDarkMode(): [boolean, (v: boolean) => void] {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const stored = localStorage.getItem(KEY);
    setDark(stored ? stored === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches);
  }, []);
  const set = (v: boolean) => {
    localStorage.setItem(KEY, v ? "dark" : "light");
    setDark(v);
  };
  return [dark, set];
}
