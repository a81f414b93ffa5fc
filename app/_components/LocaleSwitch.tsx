import { LOCALE_NAMES, LOCALES } from "../_i18n/config";
import { setLocaleAction } from "../_lib/auth-actions";

/** Language toggle: one submit button per locale (works without JavaScript); the choice is stored in a cookie and on the user. */
export function LocaleSwitch({ current, label }: { current: string; label: string }) {
  return (
    <form action={setLocaleAction} className="locale-switch" role="group" aria-label={label}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === current}
          className="locale-switch__option"
          data-testid={`locale-${l}`}
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}
