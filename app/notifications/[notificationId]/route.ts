// Opening a notification: marks it read and goes to what it is about (the caller's own notifications only).
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { signedInUser } from "@/app/_lib/context";
import { AccessError } from "@/app/_lib/errors";
import { markRead, ownNotification } from "@/app/_lib/people/notifications";
import { notificationHref } from "@/app/_lib/people/notificationText";

type Ctx = { params: Promise<{ notificationId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return route(req, async () => {
    const user = await signedInUser();
    const n = await ownNotification(db(), user.id, (await params).notificationId);
    if (!n) throw new AccessError("not_found", "notification");
    await markRead(db(), user.id, [n.id]);
    return new Response(null, { status: 303, headers: { location: notificationHref(n), "cache-control": "no-store" } });
  });
}
