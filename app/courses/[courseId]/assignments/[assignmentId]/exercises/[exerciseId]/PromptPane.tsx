"use client";
/**
 * The exercise's prompt with its own language switch (separate from the interface
 * language in the header). Memoised: typing, saving and results never re-render the
 * KaTeX markdown.
 */

import { memo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Markdown, withoutTitle } from "@/app/_components/markdown/Markdown";
import type { Bilingual } from "@/app/_lib/student/types";
import styles from "./workspace.module.css";

const LANGUAGES = [
  { lang: "en", name: "English", tag: "en" },
  { lang: "zh", name: "中文", tag: "zh-CN" },
] as const;

function PromptPane({ section, title, prompts }: { section: string; title: string; prompts: Bilingual }) {
  const t = useTranslations("student.exercise");
  const locale = useLocale();
  const [lang, setLang] = useState<"en" | "zh">(locale === "zh-CN" ? "zh" : "en");
  return (
    <>
      <header className={styles.promptHeader}>
        <h1 id="exercise-title">
          <span className="muted">{section}</span> {title}
        </h1>
        <div role="group" aria-labelledby="prompt-lang-label" className={styles.toggle}>
          <span id="prompt-lang-label" className={styles.toggleLabel}>
            {t("promptLanguage")}
          </span>
          {LANGUAGES.map(({ lang: l, name, tag }) => (
            <button
              key={l}
              type="button"
              className="button button--quiet"
              aria-pressed={lang === l}
              onClick={() => setLang(l)}
              lang={tag}
              data-testid={`prompt-lang-${l}`}
            >
              {name}
            </button>
          ))}
        </div>
      </header>
      <div lang={lang === "zh" ? "zh-CN" : "en"} data-testid="prompt">
        <Markdown source={withoutTitle(lang === "zh" ? prompts.zh : prompts.en)} />
      </div>
    </>
  );
}

export default memo(PromptPane);
