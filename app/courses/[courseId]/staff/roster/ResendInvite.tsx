"use client";
/** "New password link" for a member who has not set a password: the link is shown here once. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { InviteState } from "./actions";

export function ResendInvite({ name, action }: { name: string; action: (prev: InviteState) => Promise<InviteState> }) {
  const t = useTranslations("people");
  const ts = useTranslations("staff");
  const error = (code: string) =>
    t.has(`errors.${code}`)
      ? t(`errors.${code}`)
      : ts.has(`errors.${code}`)
        ? ts(`errors.${code}`)
        : ts("errors.title");
  const [state, dispatch, pending] = useActionState(action, {});
  return (
    <form action={dispatch}>
      <button
        type="submit"
        className="button button--quiet"
        disabled={pending}
        aria-label={t("members.resendOf", { name })}
        data-testid="resend-invite"
      >
        {t("members.resend")}
      </button>
      {state.path ? (
        <p role="status" data-testid="invite-link">
          {t("members.link", { name })} <code>{`${window.location.origin}${state.path}`}</code>
        </p>
      ) : null}
      {state.error ? (
        <p role="alert" className="alert alert--error">
          {error(state.error)}
        </p>
      ) : null}
    </form>
  );
}
