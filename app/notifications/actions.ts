"use server";
/** Marking the caller's own notifications read (one, or all). */

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { signedInUser } from "@/app/_lib/context";
import { formText } from "@/app/_lib/forms";
import { markRead } from "@/app/_lib/people/notifications";

export async function markReadAction(form: FormData) {
  const user = await page(signedInUser);
  const id = formText(form, "id");
  await markRead(db(), user.id, id ? [id] : "all");
  revalidatePath("/", "layout");
  redirect("/notifications");
}
