import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { getCurrentUser } from "../_lib/auth";
import { unreadCount } from "../_lib/people/notifications";
import { signOutAction } from "../_lib/auth-actions";
import { LocaleSwitch } from "./LocaleSwitch";

/** Site header: app name, notifications with the unread count, signed-in user, language switch, sign-out. Rendered by the root layout on every page. */
export async function Header() {
  const [t, tp, user, locale] = await Promise.all([
    getTranslations("common"),
    getTranslations("people"),
    getCurrentUser(),
    getLocale(),
  ]);
  const unread = user ? await unreadCount(db(), user.id) : 0;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            G
          </span>
          {t("appName")}
        </Link>
        <div className="site-header__tools">
          <LocaleSwitch current={locale} label={t("nav.language")} />
          {user && (
            <>
              <Link
                href="/notifications"
                className="notifications-link"
                data-testid="notifications-link"
                data-unread={unread}
              >
                {unread ? (
                  <>
                    {/* One accessible name, "Notifications, 2 unread"; the visible word and bubble are for the eye. */}
                    <span className="visually-hidden">{tp("notifications.linkUnread", { count: unread })}</span>
                    <span aria-hidden="true">{tp("notifications.link")}</span>
                    <span className="notifications-link__count" aria-hidden="true">
                      {unread}
                    </span>
                  </>
                ) : (
                  tp("notifications.link")
                )}
              </Link>
              <span
                className="user-name"
                title={t("nav.signedInAs", { name: `${user.name} <${user.email}>` })}
                data-testid="user-name"
              >
                {user.name}
              </span>
              <form action={signOutAction}>
                <button type="submit" className="button button--quiet" data-testid="sign-out">
                  {t("nav.signOut")}
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
