"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "../_lib/auth-actions";
import { waitParams } from "./wait";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const message =
    state.error === "rateLimited"
      ? t("errors.rateLimited", waitParams(state.retryAfterSeconds ?? 60))
      : state.error
        ? t(`errors.${state.error}`)
        : null;
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">{t("signIn.email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={!!state.error}
        />
      </div>
      <div className="field">
        <label htmlFor="password">{t("signIn.password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={!!state.error}
        />
      </div>
      {message && (
        <p className="alert alert--error" role="alert" data-testid="signin-error">
          {message}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t("signIn.submitting") : t("signIn.submit")}
      </button>
    </form>
  );
}
