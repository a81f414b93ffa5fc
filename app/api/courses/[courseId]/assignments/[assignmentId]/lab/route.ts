// GET ?source=draft|best|reference: the code the section's lab runs in the caller's browser (app/_lib/labs.ts).
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { courseContext } from "@/app/_lib/context";
import { labAccess, labCode } from "@/app/_lib/labs";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { courseId, assignmentId } = await params;
  const source = new URL(req.url).searchParams.get("source");
  return route(req, async () => {
    const ctx = await courseContext(courseId);
    return labCode(db(), ctx.userId, await labAccess(db(), ctx, assignmentId), source);
  });
}
