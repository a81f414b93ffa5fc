/**
 * The labs' server side: who may open a section's lab, and the code its Web Worker runs.
 * A student gets only their own code (editor draft or best graded submission), transpiled by
 * the grader's rules; the reference solutions go to staff, and to students only when the
 * instructor enabled `labReference` on the assignment.
 */

import path from "node:path";
import * as esbuild from "esbuild";
import type { Db } from "@/prisma/client";
import type { Assignment } from "@/prisma/generated/client";
import type { CourseContext, Role, StudentContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { studentAssignment } from "@/app/_lib/student/scope";
import { transpile } from "@/grader/transpile";
import { bi, type Bilingual } from "@/grader/messages";
import { labForSection, type LabDefinition, type LabFunction } from "@/labs/catalogue";
import type { LabCode } from "@/labs/protocol";

export const LAB_SOURCES = ["draft", "best", "reference"] as const;
export type LabSource = (typeof LAB_SOURCES)[number];

export interface LabFunctionView {
  entry: string;
  slug: string;
  /** Null when the assignment does not hold this exercise. */
  exerciseId: string | null;
  title: Bilingual;
}

export interface LabAccess {
  role: Role;
  assignment: Assignment;
  lab: LabDefinition;
  functions: LabFunctionView[];
  /** Whether the "use the reference" switch is offered. */
  referenceAllowed: boolean;
  /** Per entry in the assignment: the current version's starter and the "lab" exports it allows. */
  versions: Record<string, { starter: string; helpers: string[] }>;
}

/** The lab of an assignment the caller may see; AccessError("not_found") otherwise (also when its section has no lab). */
export async function labAccess(db: Db, ctx: CourseContext, assignmentId: string): Promise<LabAccess> {
  const assignment =
    ctx.role === "student"
      ? (await studentAssignment(db, ctx as StudentContext, assignmentId)).assignment
      : await db.assignment.findFirst({ where: { id: assignmentId, courseId: ctx.courseId } });
  if (!assignment) throw new AccessError("not_found", "assignment");
  const items = await db.assignmentExercise.findMany({
    where: { assignmentId: assignment.id },
    include: { exercise: true },
  });
  const lab = labForSection(items[0]?.exercise.section ?? "");
  if (!lab) throw new AccessError("not_found", "lab");
  const versions = await db.exerciseVersion.findMany({
    where: { id: { in: items.map((i) => i.exercise.currentVersionId ?? "") } },
  });
  const byEntry: LabAccess["versions"] = {};
  const functions = lab.functions.map((f): LabFunctionView => {
    const item = items.find((i) => i.exercise.slug === f.slug);
    const v = versions.find((x) => x.id === item?.exercise.currentVersionId);
    if (v) {
      const meta = JSON.parse(v.metaJson) as { helpers?: string[] };
      byEntry[f.entry] = { starter: v.starter, helpers: meta.helpers ?? [] };
    }
    return {
      entry: f.entry,
      slug: f.slug,
      exerciseId: item?.exercise.id ?? null,
      title: bi(v?.titleEn ?? f.slug, v?.titleZh ?? f.slug),
    };
  });
  return {
    role: ctx.role,
    assignment,
    lab,
    functions,
    referenceAllowed: ctx.role !== "student" || assignment.labReference,
    versions: byEntry,
  };
}

export interface LabCodeResult {
  source: LabSource;
  /** Transpiled CommonJS per entry function that has code. */
  code: LabCode;
  /** Why an entry has no code (no submission yet, a syntax error, …). */
  problems: Record<string, Bilingual>;
}

/** The code the caller's lab runs, from `source`. */
export async function labCode(db: Db, userId: string, la: LabAccess, source: unknown): Promise<LabCodeResult> {
  if (!LAB_SOURCES.includes(source as LabSource))
    throw new InputError("bad_request", { reason: `source must be one of ${LAB_SOURCES.join(", ")}` });
  const src = source as LabSource;
  if (src === "reference" && !la.referenceAllowed) throw new AccessError("not_found", "lab");
  const out: LabCodeResult = { source: src, code: {}, problems: {} };
  for (const f of la.functions) {
    if (src === "reference") {
      out.code[f.entry] = await referenceSource(labFunction(la, f.entry));
      continue;
    }
    const version = la.versions[f.entry];
    if (!f.exerciseId || !version) {
      out.problems[f.entry] = bi(
        `This assignment has no exercise with ${f.entry}.`,
        `本作业中没有包含 ${f.entry} 的练习。`,
      );
      continue;
    }
    const ts =
      src === "draft"
        ? ((
            await db.draft.findUnique({
              where: {
                userId_assignmentId_exerciseId: { userId, assignmentId: la.assignment.id, exerciseId: f.exerciseId },
              },
            })
          )?.code ?? version.starter)
        : await bestSubmission(db, userId, la.assignment.id, f.exerciseId);
    if (ts === null) {
      out.problems[f.entry] = bi(
        `No graded submission of ${f.entry} yet: submit it, or run the lab on your editor draft.`,
        `${f.entry} 还没有已评分的提交：请先提交，或用编辑器中的草稿运行实验。`,
      );
      continue;
    }
    // esbuild only: the fast path relies on the sandbox's load checks, and this code runs in the browser.
    const tr = await transpile(ts, { helpers: version.helpers, fastPath: false });
    if (tr.ok) out.code[f.entry] = tr.js;
    else out.problems[f.entry] = bi(`${f.entry}: ${tr.message.en}`, `${f.entry}：${tr.message.zh}`);
  }
  return out;
}

function labFunction(la: LabAccess, entry: string): LabFunction {
  return la.lab.functions.find((f) => f.entry === entry)!;
}

/** The code of the student's best graded submission (the latest among equal scores). */
async function bestSubmission(
  db: Db,
  userId: string,
  assignmentId: string,
  exerciseId: string,
): Promise<string | null> {
  const best = await db.submission.findFirst({
    where: { userId, assignmentId, exerciseId, kind: "submit", status: "graded" },
    orderBy: [{ score: "desc" }, { submittedAt: "desc" }],
  });
  return best?.code ?? null;
}

const referenceBundles = new Map<string, Promise<string>>();

/** reference/<module>.ts's export, bundled to CommonJS under the exercise's entry name (staff, or an enabled demo). */
export function referenceSource(f: LabFunction): Promise<string> {
  const key = `${f.reference.module}#${f.reference.name}#${f.entry}`;
  let b = referenceBundles.get(key);
  if (!b) {
    b = esbuild
      .build({
        stdin: {
          contents: `export { ${f.reference.name} as ${f.entry} } from "./reference/${f.reference.module}";`,
          resolveDir: path.join(process.cwd()),
          loader: "ts",
        },
        bundle: true,
        write: false,
        format: "cjs",
        platform: "neutral",
        target: "es2022",
        logLevel: "silent",
      })
      .then((r) => r.outputFiles[0].text);
    referenceBundles.set(key, b);
  }
  return b;
}
