// GET the draft (starter on the first visit), PUT to autosave, DELETE to reset to the starter.
import { db } from "@/prisma/client";
import { getDraft, resetDraft, saveDraft } from "@/app/_lib/student/drafts";
import { codeFromBody, studentRoute } from "@/app/_lib/student/http";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const p = await params;
  return studentRoute((userId) => getDraft(db(), { userId, ...p }));
}

export async function PUT(req: Request, { params }: Ctx) {
  const p = await params;
  return studentRoute(async (userId) => saveDraft(db(), { userId, ...p, code: await codeFromBody(req) }));
}

export async function DELETE(_req: Request, { params }: Ctx) {
  const p = await params;
  return studentRoute((userId) => resetDraft(db(), { userId, ...p }));
}
