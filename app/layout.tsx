import type { Metadata } from "next";
import localFont from "next/font/local";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Header } from "./_components/Header";
import "./globals.css";

// Inter (SIL OFL 1.1, see app/fonts/OFL.txt), shipped in the repository: no font downloads.
// Chinese text falls back to the system's CJK fonts (see --font-cjk in globals.css).
const inter = localFont({
  src: "./fonts/InterVariable-latin.woff2",
  weight: "100 900",
  variable: "--font-latin",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale} className={inter.variable}>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            {t("nav.skipToContent")}
          </a>
          <Header />
          <main id="main" className="page">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
