import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "../_lib/auth";
import { signOutAction } from "../_lib/auth-actions";
import { LocaleSwitch } from "./LocaleSwitch";

/** Site header: app name, signed-in user, language switch, sign-out. Rendered by the root layout on every page. */
export async function Header() {
  const [t, user, locale] = await Promise.all([getTranslations("common"), getCurrentUser(), getLocale()]);
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
