/** Every UI message exists in both locales, with the same placeholders; locale negotiation. */

import { describe, expect, it } from "vitest";
import { LOCALES, negotiateLocale, resolveLocale } from "@/app/_i18n/config";
import { allMessages } from "@/app/_i18n/messages";

const MESSAGES = allMessages();

function flatten(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj === "string") out.set(prefix, obj);
  else if (obj && typeof obj === "object") {
    for (const [k, v] of Object.entries(obj))
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

/** ICU argument names used by a message: {name}, {n, plural, …}. */
function placeholders(msg: string): string[] {
  return [...new Set([...msg.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
}

describe("messages", () => {
  const en = flatten(MESSAGES.en);
  const zh = flatten(MESSAGES["zh-CN"]);

  it("loads every area in both locales", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES["zh-CN"]).sort());
    expect(Object.keys(MESSAGES.en)).toEqual(expect.arrayContaining(["common", "auth"]));
    expect(en.size).toBeGreaterThan(20);
  });

  it("has every key in both locales", () => {
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it("uses the same placeholders in both locales and leaves no message empty", () => {
    const mismatched = [...en.keys()].filter(
      (k) => zh.has(k) && placeholders(en.get(k)!).join() !== placeholders(zh.get(k)!).join(),
    );
    expect(mismatched).toEqual([]);
    expect([...en, ...zh].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  it("has Chinese text in the zh-CN messages of the shell", () => {
    for (const key of ["common.nav.signOut", "common.home.title", "auth.signIn.title"])
      expect(zh.get(key)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("locale negotiation", () => {
  it("prefers the cookie, then Accept-Language by q, then English", () => {
    expect(LOCALES).toEqual(["en", "zh-CN"]);
    expect(resolveLocale("zh-CN", "en-US,en;q=0.9")).toBe("zh-CN");
    expect(resolveLocale("fr", "zh-TW,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(resolveLocale(undefined, "fr-FR,en;q=0.5,zh;q=0.7")).toBe("zh-CN");
    expect(resolveLocale(undefined, "de-DE,fr;q=0.9")).toBe("en");
    expect(resolveLocale(null, null)).toBe("en");
    expect(negotiateLocale("en-GB;q=0.8, zh-CN;q=0")).toBe("en");
  });
});
