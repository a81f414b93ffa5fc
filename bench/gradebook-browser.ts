/**
 * Where the browser's time goes on the 300 × 25 gradebook (production build, Debian's Chromium):
 * for each of RUNS fresh tabs, a DevTools timeline trace from navigation to 1 s after the `load`
 * event, summed on the renderer's main thread (self time, so nested events are not counted twice)
 * and grouped as DevTools does: loading (HTML parse, CSS), scripting (script, hydration, GC),
 * style, layout, paint (pre-paint, paint, layerize, commit); the tasks over 20 ms of the first
 * run; the browser's own counters (Performance.getMetrics); and the DOM's size. Medians printed and written to bench/gradebook-browser-last.json.
 *
 *   npm run bench:gradebook-browser            (GIBBS_BENCH_RUNS=5 by default)
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "@/accounts/password";
import { seedLargeCourse, type LargeCourse } from "@/tests/staff/largeCourse";
import { launchBrowser, newPage, signIn, startApp } from "@/tests/e2e/harness";

const RUNS = Number(process.env.GIBBS_BENCH_RUNS) || 5;
const PASSWORD = "large-course-password";

const GROUPS: Record<string, string[]> = {
  loading: ["ParseHTML", "ParseAuthorStyleSheet", "ResourceReceivedData", "ResourceFinish", "ResourceSendRequest"],
  scripting: [
    "EvaluateScript",
    "v8.compile",
    "v8.compileModule",
    "v8.evaluateModule",
    "FunctionCall",
    "RunMicrotasks",
    "TimerFire",
    "EventDispatch",
    "FireAnimationFrame",
    "MajorGC",
    "MinorGC",
    "V8.GC_SCAVENGER",
    "V8.GC_MARK_COMPACTOR",
    "v8.run",
    "V8.Execute",
    "CompileCode",
    "CompileScript",
    "StreamingCompileScriptWaiting",
  ],
  style: ["UpdateLayoutTree", "RecalculateStyles", "ScheduleStyleRecalculation", "InvalidateLayout"],
  layout: ["Layout", "HitTest", "IntersectionObserverController::computeIntersections"],
  paint: ["PrePaint", "Paint", "PaintImage", "Layerize", "UpdateLayer", "CompositeLayers", "Commit"],
};
const groupOf = new Map(Object.entries(GROUPS).flatMap(([g, names]) => names.map((n) => [n, g] as const)));

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** A top-level task on the main thread: when (trace µs), how long, and its self time by group (ms). */
interface Task {
  at: number;
  ms: number;
  groups: Record<string, number>;
}

/** Self time (ms) per event name and per group on the busiest renderer main thread, for events in [from, to] µs. */
function selfTimes(events: TraceEvent[], from: number, to: number) {
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Complete events and B/E pairs as intervals, per thread.
  const byThread = new Map<string, { name: string; start: number; end: number }[]>();
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key) || e.ts < from || e.ts > to) continue;
    const list = byThread.get(key) ?? byThread.set(key, []).get(key)!;
    if (e.ph === "X") list.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === "B") (open.get(key) ?? open.set(key, []).get(key)!).push(e);
    else if (e.ph === "E") {
      const b = open.get(key)?.pop();
      if (b) list.push({ name: b.name, start: b.ts, end: e.ts });
    }
  }
  let busiest = { byName: new Map<string, number>(), byGroup: new Map<string, number>(), tasks: [] as Task[] };
  let busiestTotal = -1;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const byName = new Map<string, number>();
    const byGroup = new Map<string, number>();
    const tasks: Task[] = [];
    // Each interval's self time goes to its own group or, when it has none, to its nearest grouped ancestor's.
    const stack: { name: string; group: string; end: number; task?: Task }[] = [];
    const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us / 1000);
    for (const iv of list) {
      while (stack.length && stack[stack.length - 1].end <= iv.start) stack.pop();
      const parent = stack[stack.length - 1];
      const dur = iv.end - iv.start;
      const group = groupOf.get(iv.name) ?? parent?.group ?? "other";
      const task = iv.name === "RunTask" && !parent ? { at: iv.start, ms: dur / 1000, groups: {} } : parent?.task;
      if (task && iv.name === "RunTask" && !parent) tasks.push(task);
      if (parent) {
        add(byName, parent.name, -dur);
        add(byGroup, parent.group, -dur);
        if (task) task.groups[parent.group] = (task.groups[parent.group] ?? 0) - dur / 1000;
      }
      add(byName, iv.name, dur);
      add(byGroup, group, dur);
      if (task) task.groups[group] = (task.groups[group] ?? 0) + dur / 1000;
      stack.push({ name: iv.name, group, end: iv.end, task });
    }
    const total = tasks.reduce((s, t) => s + t.ms, 0);
    if (total > busiestTotal) {
      busiestTotal = total;
      busiest = { byName, byGroup, tasks };
    }
  }
  return busiest;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let course!: LargeCourse;
const app = await startApp({
  prepare: async (db) => {
    course = await seedLargeCourse(db, { students: 300, exercises: 25, password: await hashPassword(PASSWORD) });
  },
});
const browser = await launchBrowser();
try {
  const first = await newPage(browser);
  await signIn(first, app, { email: course.instructorEmail, password: PASSWORD });
  const url = `${app.baseUrl}/courses/${course.courseId}/staff/gradebook?assignment=${course.assignmentId}`;
  await first.goto(url, { waitUntil: "load" }); // warms the server
  const runs: Record<string, number>[] = [];
  const names: Map<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await first.context().newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink"],
    });
    const t0 = performance.now();
    await page.goto(url, { waitUntil: "load" });
    const loadMs = performance.now() - t0;
    await page.waitForTimeout(1000);
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
    const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? Number.NaN;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const row = document.querySelector("[data-testid=gb-row]")!;
      return {
        navStart: performance.timeOrigin,
        dcl: n.domContentLoadedEventEnd,
        load: n.loadEventEnd,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        elements: document.getElementsByTagName("*").length,
        tableElements: document.querySelectorAll("#gradebook *").length,
        rowElements: row.querySelectorAll("*").length + 1,
        rows: document.querySelectorAll("[data-testid=gb-row]").length,
        links: document.querySelectorAll("#gradebook tbody a").length,
      };
    });
    const ev = trace.traceEvents;
    // The navigation's start in trace time: the first ParseHTML of the new document minus its own clock's offset.
    const parse = ev.filter((e) => e.name === "ParseHTML").sort((a, b) => a.ts - b.ts)[0];
    const from = parse ? parse.ts : 0;
    const all = selfTimes(ev, from, Infinity);
    const grouped = (m: Map<string, number>) => {
      const g: Record<string, number> = { loading: 0, scripting: 0, style: 0, layout: 0, paint: 0, other: 0 };
      for (const [k, ms] of m) g[k] += ms;
      return g;
    };
    const ga = grouped(all.byGroup);
    if (i === 0) {
      console.log(`run 1: tasks over 20 ms (start after the document's first byte, ms, self time by group):`);
      for (const t of all.tasks.filter((t) => t.ms > 20)) {
        const parts = Object.entries(t.groups)
          .filter(([, ms]) => ms >= 1)
          .map(([g, ms]) => `${g} ${ms.toFixed(0)}`);
        console.log(`  +${((t.at - from) / 1000).toFixed(0).padStart(5)} ${t.ms.toFixed(0).padStart(5)} ms  ${parts.join(", ")}`);
      }
    }
    runs.push({
      loadMs,
      dclMs: nav.dcl,
      fcpMs: nav.fcp,
      ...Object.fromEntries(Object.entries(ga).map(([k, v]) => [`${k}TotalMs`, v])),
      cdpScriptMs: metric("ScriptDuration") * 1000,
      cdpRecalcStyleMs: metric("RecalcStyleDuration") * 1000,
      cdpLayoutMs: metric("LayoutDuration") * 1000,
      cdpTaskMs: metric("TaskDuration") * 1000,
      layoutCount: metric("LayoutCount"),
      recalcStyleCount: metric("RecalcStyleCount"),
      nodes: metric("Nodes"),
      layoutObjects: metric("LayoutObjects"),
      elements: nav.elements,
      tableElements: nav.tableElements,
      rowElements: nav.rowElements,
      rows: nav.rows,
      links: nav.links,
    });
    names.push(all.byName);
    if (process.env.GIBBS_BENCH_TRACE_DIR && i === 0)
      fs.writeFileSync(path.join(process.env.GIBBS_BENCH_TRACE_DIR, "gradebook-trace.json"), JSON.stringify(trace));
    await page.close();
  }
  const keys = Object.keys(runs[0]);
  const summary = Object.fromEntries(keys.map((k) => [k, Math.round(median(runs.map((r) => r[k])) * 10) / 10]));
  const top = [...new Set(names.flatMap((m) => [...m.keys()]))]
    .map((n) => [n, median(names.map((m) => m.get(n) ?? 0))] as const)
    .filter(([n, ms]) => ms > 2 && n !== "RunTask")
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20);
  const load = os.loadavg().map((x) => x.toFixed(2));
  console.log(`gradebook 300×25 browser, median of ${RUNS} (load average ${load.join(" ")}):`);
  for (const [k, v] of Object.entries(summary)) console.log(`  ${k.padEnd(20)} ${v}`);
  console.log("  main-thread self time by event (ms, median):");
  for (const [n, ms] of top) console.log(`    ${n.padEnd(40)} ${ms.toFixed(1)}`);
  fs.writeFileSync(
    path.join(import.meta.dirname, "gradebook-browser-last.json"),
    JSON.stringify({ at: new Date().toISOString(), loadAverage: os.loadavg(), summary, top, runs }, null, 2),
  );
} finally {
  await browser.close();
  await app.stop();
}
