// The signed-in user's notifications, newest first, across their courses; unread ones marked.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { signedInUser } from "@/app/_lib/context";
import { listNotifications } from "@/app/_lib/people/notifications";
import { describeNotification, notificationNames } from "@/app/_lib/people/notificationText";
import { CourseTime } from "@/app/_components/CourseTime";
import { markReadAction } from "./actions";
import styles from "@/app/_components/people/people.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("notifications.title") };
}

export default async function NotificationsPage() {
  return page(async () => {
    const user = await signedInUser();
    const [t, locale, rows] = await Promise.all([
      getTranslations("people"),
      getLocale(),
      listNotifications(db(), user.id),
    ]);
    const names = await notificationNames(db(), rows, locale);
    const unread = rows.filter((r) => !r.readAt).length;
    return (
      <section aria-labelledby="notifications-title">
        <h1 id="notifications-title">{t("notifications.title")}</h1>
        {unread > 0 ? (
          <form action={markReadAction}>
            <button type="submit" className="button" data-testid="mark-all-read">
              {t("notifications.markAllRead")}
            </button>
          </form>
        ) : null}
        {rows.length === 0 ? <p className="muted">{t("notifications.empty")}</p> : null}
        <ul className={styles.list} data-testid="notifications">
          {rows.map((r) => {
            const text = describeNotification(r, names.get(r.courseId)!);
            return (
              <li
                key={r.id}
                className={`${styles.item} ${styles.row}${r.readAt ? "" : ` ${styles.unread}`}`}
                data-testid="notification"
                data-unread={r.readAt ? "false" : "true"}
              >
                {r.readAt ? null : <span className="badge">{t("notifications.unread")}</span>}
                <a href={`/notifications/${encodeURIComponent(r.id)}`} className={styles.text}>
                  {t(`notifications.${text.key}`, text.params)}
                </a>
                <span className="muted">
                  <CourseTime value={r.createdAt} />
                </span>
                {r.readAt ? null : (
                  <form action={markReadAction}>
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className="button button--quiet">
                      {t("notifications.markRead")}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    );
  });
}
