// GET the draft (starter on the first visit), PUT to autosave, DELETE to reset to the starter.
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { studentContext } from "@/app/_lib/context";
import { codeFromBody } from "@/app/_lib/request";
import { getDraft, resetDraft, saveDraft } from "@/app/_lib/student/drafts";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { courseId, ...ref } = await params;
  return route(req, async () => getDraft(db(), await studentContext(courseId), ref));
}

export async function PUT(req: Request, { params }: Ctx) {
  const { courseId, ...ref } = await params;
  return route(req, async () =>
    saveDraft(db(), await studentContext(courseId), { ...ref, code: await codeFromBody(req) }),
  );
}

export async function DELETE(req: Request, { params }: Ctx) {
  const { courseId, ...ref } = await params;
  return route(req, async () => resetDraft(db(), await studentContext(courseId), ref));
}
