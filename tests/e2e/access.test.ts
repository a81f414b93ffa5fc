/**
 * The access layer's refusals in a real browser against the production build (issue 13):
 * - CSRF: a page on another port of the same host (same site, so the SameSite=Lax cookie goes
 *   along) posts a `text/plain` form and a `no-cors` fetch at the student submission API; the
 *   route adapter refuses both, and no attempt is spent and no draft is overwritten.
 * - A TA who replays the instructor's roster-import form (server action) gets a 404, not a 500.
 */

import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import { DEMO_COURSE } from "@/scripts/seed";
import { DEMO, E2E_SETUP_TIMEOUT_MS, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./harness";

let app: RunningApp;
let browser: Browser;
let db: Db;
let courseId: string;
let attacker: http.Server;
let attackerUrl: string;
/** The page the attacker serves, set per test. */
let attackPage = "";

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  courseId = (await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } })).id;
  attacker = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackPage);
  });
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", r));
  // Same host as the app (127.0.0.1), another port: same site, other origin.
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await new Promise((r) => attacker?.close(r));
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});

describe("access layer", () => {
  it("refuses cross-site writes to the student API from another port of the same host", async () => {
    const item = await db.assignmentExercise.findFirstOrThrow({
      where: { exercise: { slug: "rbm-cd1" }, assignment: { courseId } },
    });
    const student = await db.user.findUniqueOrThrow({ where: { email: DEMO.student.email } });
    const api = `${app.baseUrl}/api/student/courses/${courseId}/assignments/${item.assignmentId}/exercises/rbm-cd1`;
    const page = await newPage(browser);
    await signIn(page, app, DEMO.student);
    // A page of the app itself saves a draft through the same API: allowed.
    await page.goto(`${app.baseUrl}/courses/${courseId}`);
    const own = await page.evaluate(
      async (url) =>
        (
          await fetch(url, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ code: "// mine" }),
          })
        ).status,
      `${api}/draft`,
    );
    expect(own).toBe(200);

    attackPage = `<!doctype html><title>win a prize</title>
<form id="f" method="POST" enctype="text/plain" action="${api}/submissions">
  <input name='{"code":"export const stolen = 1; //' value='"}'>
</form>
<script>
  fetch(${JSON.stringify(`${api}/submissions`)}, {
    method: "POST", mode: "no-cors", credentials: "include",
    headers: { "content-type": "text/plain" }, body: JSON.stringify({ code: "export const stolen = 2;" }),
  }).finally(() => { document.title = "sent"; document.getElementById("f").submit(); });
</script>`;
    const formPost = page.waitForResponse((r) => r.url() === `${api}/submissions` && r.request().method() === "POST");
    await page.goto(attackerUrl);
    expect((await formPost).status()).toBe(403);
    // The form navigated the tab to the API's answer: the refusal, in JSON.
    await page.waitForURL(`${api}/submissions`);
    expect((JSON.parse((await page.textContent("body")) ?? "{}") as { error?: string }).error).toBe("cross_site");

    const subs = await db.submission.count({ where: { userId: student.id, assignmentId: item.assignmentId } });
    expect(subs).toBe(0);
    const draft = await db.draft.findFirstOrThrow({ where: { userId: student.id, assignmentId: item.assignmentId } });
    expect(draft.code).toBe("// mine");
    await page.context().close();
  });

  it("answers a TA's replay of the roster-import action with a 404", async () => {
    const inst = await newPage(browser);
    await signIn(inst, app, DEMO.instructor);
    await inst.goto(`${app.baseUrl}/courses/${courseId}/staff/roster`);
    const ta = await newPage(browser);
    await signIn(ta, app, DEMO.ta);
    const taSession = (await ta.context().cookies()).find((c) => c.name === "gibbs_session")!;
    expect(taSession).toBeDefined();
    // The instructor's form, submitted with the TA's session.
    await inst.context().addCookies([taSession]);
    const users = await db.user.count();
    await inst.locator("textarea[name=csv]").click();
    await inst.keyboard.type("email,name,role\nta-made@example.edu,TA Made,student\n", { delay: 5 });
    const action = inst.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/staff/roster"),
    );
    await inst.click("[data-testid=roster-preview-button]");
    expect((await action).status()).toBe(404);
    expect(await db.user.count()).toBe(users);
    await inst.context().close();
    await ta.context().close();
  });
});
