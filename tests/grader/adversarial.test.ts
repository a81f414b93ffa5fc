/**
 * Adversarial submissions through the real sandbox (issue 4). Each one must get a clear
 * message and 0 on the cases it affects, and the very next submission (the correct
 * solution) must still get full marks in the same process.
 */

import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type ExerciseEntry } from "@/exercises/catalogue";
import { grade, prepareCases, type GradeResult } from "@/grader/grade";
import { CONSOLE_MAX_CHARS, SandboxHostError, acquireSandbox } from "@/grader/sandbox/sandbox";

const FIXTURES = path.join(__dirname, "fixtures");
let fx: ExerciseEntry;
let solution: string;

beforeAll(async () => {
  fx = await loadExercise("10.1-fixture-affine", FIXTURES);
  solution = fs.readFileSync(path.join(fx.dir, "solution.ts"), "utf8");
});

const limits = { caseTimeMs: 150, totalTimeMs: 3000 };

async function run(code: string, mode: "run" | "submit" = "run", caseTimeMs = limits.caseTimeMs): Promise<GradeResult> {
  return grade({ spec: fx.spec, code, mode, limits: { ...limits, caseTimeMs } });
}

/** The adversarial result, then proof that the next submission grades correctly. */
async function attack(code: string, mode: "run" | "submit" = "run", caseTimeMs?: number): Promise<GradeResult> {
  const r = await run(code, mode, caseTimeMs);
  const next = await run(solution, "submit");
  expect(next.status).toBe("ok");
  expect(next.score).toBe(fx.spec.points);
  return r;
}

const en = (r: GradeResult, i = 0) => r.cases[i].message.en;
const zh = (r: GradeResult, i = 0) => r.cases[i].message.zh;
const wrap = (body: string) => `export function affine(W: number[][], x: number[], b: number[]): any {\n${body}\n}`;

describe("sandbox: runaway code", () => {
  it("while(true) at the top level: load time limit, every case 0", async () => {
    const r = await attack(`while (true) {}\n${wrap("return [];")}`);
    expect(r.status).toBe("error");
    expect(r.score).toBe(0);
    expect(r.message.en).toMatch(/Time limit exceeded while loading/);
    expect(r.message.zh).toMatch(/超出时间限制/);
    expect(r.cases.every((c) => c.score === 0)).toBe(true);
  });

  it("while(true) inside the function: each case times out", async () => {
    const r = await attack(wrap("while (true) {}"));
    expect(r.status).toBe("ok");
    expect(r.score).toBe(0);
    for (const c of r.cases) expect(c.message.en).toMatch(/Time limit exceeded \(\d+ ms/);
    expect(zh(r)).toMatch(/超出时间限制/);
  });

  it("a getter of the returned object is never run (objects) or runs under the time limit (arrays); a looping Proxy trap times out", async () => {
    const g = await attack(wrap("return { get 0() { while (true) {} }, length: 2 } as any;"));
    expect(g.cases.every((c) => c.score === 0)).toBe(true);
    expect(en(g)).toMatch(/getter\/setter property .* at out\.0/);
    const arr = await attack(
      wrap("const a: number[] = [1, 2]; Object.defineProperty(a, 0, { get() { while (true) {} } }); return a;"),
    );
    expect(en(arr)).toMatch(/Time limit exceeded/);
    expect(zh(arr)).toMatch(/超出时间限制/);
    const p = await attack(
      wrap("return new Proxy([1, 2], { get(t, k) { if (k === '0') while (true) {} return Reflect.get(t, k); } });"),
    );
    expect(en(p)).toMatch(/Time limit exceeded/);
    expect(p.score).toBe(0);
  });

  it("allocating until out of memory: memory limit, the rest not run", async () => {
    const r = await attack(wrap("const keep: number[][] = []; for (;;) keep.push(new Array(4e6).fill(1.5));"));
    expect(r.score).toBe(0);
    expect(en(r)).toMatch(/Memory limit exceeded \(64 MB\)/);
    expect(zh(r)).toMatch(/超出内存限制/);
    expect(en(r, 1)).toMatch(/Not run/);
    const late = await attack(wrap("Promise.reject(new Error('later')); return [];"));
    expect(en(late)).toMatch(/threw an error.*later/);
  });

  it("recursion 1e6 deep: the stack overflow is reported", async () => {
    const r = await attack(wrap("const f = (n: number): number => (n === 0 ? 0 : 1 + f(n - 1)); return [f(1e6)];"));
    expect(r.score).toBe(0);
    expect(en(r)).toMatch(/threw an error.*Maximum call stack size exceeded/);
  });

  it("Atomics.wait on a SharedArrayBuffer is interrupted by the time limit", async () => {
    const r = await attack(wrap("Atomics.wait(new Int32Array(new SharedArrayBuffer(16)), 0, 0); return [];"));
    expect(r.score).toBe(0);
    expect(en(r)).toMatch(/Time limit exceeded|threw/);
  });

  it("WebAssembly is not available (its memory would escape the isolate's memory limit)", async () => {
    const bytes = "0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,5,1,1,102,0,0,10,9,1,7,0,3,64,12,0,11,11";
    const r = await attack(
      wrap(
        `const m = new WebAssembly.Module(new Uint8Array([${bytes}])); (new WebAssembly.Instance(m).exports.f as () => void)(); return [];`,
      ),
    );
    expect(r.score).toBe(0);
    expect(en(r)).toMatch(/threw an error.*WebAssembly is not defined/);
    expect(zh(r)).toMatch(/函数抛出了错误/);
    const grow = await attack(
      wrap(
        `const m = new (globalThis as any).WebAssembly.Memory({ initial: 1, maximum: 65536 }); m.grow(16383); return [];`,
      ),
    );
    expect(en(grow)).toMatch(/threw an error/);
    expect(grow.score).toBe(0);
  });

  it("resizable / growable buffers (committed outside the memory limit) cannot be made; big buffers hit the limit", async () => {
    const probe = await attack(
      wrap(`const a: any = new (ArrayBuffer as any)(8, { maxByteLength: 1 << 30 });
        const C: any = new Uint8Array(4).buffer.constructor;
        class X extends ArrayBuffer { constructor() { super(8, { maxByteLength: 1 << 30 } as any); } }
        const s: any = new (SharedArrayBuffer as any)(8, { maxByteLength: 1 << 30 });
        return [a.resizable, new C(8, { maxByteLength: 1 << 30 }).resizable, (new X() as any).resizable, s.growable,
                C === ArrayBuffer, new X() instanceof ArrayBuffer, ArrayBuffer.isView(new Uint8Array(1)), typeof (globalThis as any).WebAssembly];`),
    );
    expect(probe.cases[0].actual).toEqual([false, false, false, false, true, true, true, "undefined"]);
    const big = await attack(
      wrap(
        `const keep: any[] = []; for (let i = 0; i < 64; i++) keep.push(new (ArrayBuffer as any)(16 << 20, { maxByteLength: 16 << 20 })); return [];`,
      ),
    );
    expect(big.score).toBe(0);
    expect(en(big)).toMatch(/Array buffer allocation failed|Memory limit exceeded/);
  });
});

describe("sandbox: code that runs where V8's timeout does not reach", () => {
  // isolated-vm reads an escaping or rejected value's message/stack after the call's time limit;
  // the host watchdog then disposes the isolate, and the process carries on (no restart needed).
  it("an unhandled rejection whose reason has an endless getter: stopped by the watchdog, the rest not run", async () => {
    const r = await attack(
      wrap(
        "Promise.reject({ get message(): string { for (;;) {} } }); return W.map((r, i) => r.reduce((s, w, j) => s + w * x[j], b[i]));",
      ),
    );
    expect(r.hung).toBeFalsy();
    expect(r.score).toBe(0);
    expect(en(r)).toMatch(/Time limit exceeded: code kept running after the time limit/);
    expect(zh(r)).toMatch(/超出时间限制/);
    expect(en(r, 1)).toMatch(/Not run: the sandbox was stopped in an earlier case/);
  }, 15_000);

  it("a thrown Proxy whose traps throw values with endless getters never escapes the harness", async () => {
    const r = await attack(
      wrap(`const evil = { get message(): string { for (;;) {} }, get stack(): string { for (;;) {} } };
        const p = new Proxy({}, { getPrototypeOf() { throw evil; }, get() { throw evil; }, getOwnPropertyDescriptor() { throw evil; } });
        const a: any[] = [1, 2];
        Object.defineProperty(a, 0, { get() { throw p; } });
        return a;`),
    );
    expect(r.hung).toBeFalsy();
    expect(r.score).toBe(0);
    expect(en(r)).toMatch(/threw an error/);
    expect(r.cases.every((c) => /threw an error/.test(c.message.en))).toBe(true);
  });

  it("module.exports replaced by a throwing Proxy: a load error, not a hang", async () => {
    const r = await attack(
      `(module as any).exports = new Proxy({}, { getOwnPropertyDescriptor() { throw { get message(): string { for (;;) {} } }; } });`,
    );
    expect(r.hung).toBeFalsy();
    expect(r.status).toBe("error");
    expect(r.message.en).toMatch(/threw an error while loading/);
    expect(r.cases.every((c) => c.score === 0)).toBe(true);
  });
});

describe("sandbox: returned values that are not plain data", () => {
  const cases: [string, string, RegExp][] = [
    ["a function", "return () => 1;", /a function/],
    ["a symbol", "return [Symbol('s'), 1];", /a symbol at out\[0\]/],
    ["a BigInt", "return [1n, 2n];", /a BigInt/],
    ["a cyclic object", "const a: any[] = [1, 2]; a[1] = a; return a;", /cyclic reference .* at out\[1\]/],
    ["an array with holes", "const a: number[] = []; a[1] = 1; return a;", /hole .* at out\[0\]/],
    ["a Promise", "return Promise.resolve([1, 2]);", /Promise/],
    // at most 10 × the expected output's leaves, and at least 10 000
    ["1e8 elements", "return new Array(1e8);", /more than 10000 elements \(an array of length 100000000\)/],
    // one 100 000-character string in the isolate, a million copies on the host
    [
      "a long string repeated",
      `return new Array(200).fill("x".repeat(1e5));`,
      /more than 1000000 characters of strings and property names/,
    ],
    ["a very long property name", `return { ["k".repeat(5000)]: 1 };`, /a property name longer than 1000 characters/],
  ];
  for (const [what, body, re] of cases) {
    it(`${what}: clear message, 0`, async () => {
      const r = await attack(wrap(body));
      expect(r.score).toBe(0);
      expect(en(r)).toMatch(re);
      expect(zh(r)).toMatch(/返回值/);
    });
  }

  it("all outputs of a submission share one budget: once it is spent, the remaining cases are not run", async () => {
    const r = await grade({
      spec: fx.spec,
      code: wrap("return new Array(9000).fill(0);"),
      mode: "submit",
      limits: { ...limits, outputElements: 25_000 },
    });
    expect(r.cases.slice(0, 2).map((c) => c.message.en)).toEqual([
      expect.stringMatching(/^Wrong shape/),
      expect.stringMatching(/^Wrong shape/),
    ]);
    // the third output was refused inside the isolate: only 7000 elements were left (a hidden case: no number)
    expect(r.cases[2].visibility).toBe("hidden");
    expect(r.cases[2].message.en).toMatch(/^The returned value is not plain data .* within the output limits/);
    for (const c of r.cases.slice(3)) {
      expect(c.message.en).toBe(
        "Not run: the outputs of the earlier cases used up this submission's output budget (25000 elements in all).",
      );
      expect(c.message.zh).toMatch(/^未运行：前面用例的输出已用完本次提交的输出额度/);
    }
  });

  it("a Proxy is read through its traps under the time limit; the host gets a plain copy", async () => {
    const good = wrap("const y = W.map((r, i) => r.reduce((s, w, j) => s + w * x[j], b[i])); return new Proxy(y, {});");
    const r = await attack(good);
    expect(r.score).toBe(r.maxScore);
    expect(Array.isArray(r.cases[0].actual)).toBe(true);
    const t = await attack(wrap("return new Proxy([1, 2], { get() { throw new Error('trap'); } });"));
    expect(en(t)).toMatch(/threw an error.*trap/);
  });

  it("NaN and Infinity outputs are reported as such", async () => {
    const r = await attack(wrap("return [NaN, Infinity];"));
    expect(r.score).toBe(0);
    expect(en(r)).toMatch(/NaN at out\[0\].*2 of 2 elements are NaN or infinite/);
    expect(zh(r)).toMatch(/NaN 或无穷大/);
  });
});

describe("sandbox: thrown values", () => {
  it("throw null / a number / an object whose toString throws", async () => {
    const a = await attack(wrap("throw null;"));
    expect(en(a)).toMatch(/threw an error.*: null/);
    const b = await attack(wrap("throw 42;"));
    expect(en(b)).toMatch(/number 42/);
    const c = await attack(wrap("throw { toString() { throw new Error('no'); } };"));
    expect(en(c)).toMatch(/a non-Error object/);
    for (const r of [a, b, c]) expect(r.score).toBe(0);
  });
});

describe("sandbox: isolation", () => {
  it("overwriting Math.exp, Array.prototype.map, Object.prototype and JSON affects only the student's own results", async () => {
    const code = `
      Math.exp = () => 0;
      (Array.prototype as any).map = function () { return [999]; };
      Object.defineProperty(Object.prototype, "get", { value: 1, writable: true, configurable: true });
      (Object.prototype as any).polluted = true;
      JSON.stringify = () => "[]";
      export function affine(W: number[][], x: number[], b: number[]): number[] {
        const y: number[] = [];
        for (let i = 0; i < W.length; i++) { let s = b[i]; for (let j = 0; j < x.length; j++) s += W[i][j] * x[j]; y.push(s); }
        return y;
      }`;
    const r = await attack(code, "submit");
    expect(r.score).toBe(fx.spec.points);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([1].map((v) => v + 1)).toEqual([2]);
    // the student's own results are affected (Math.exp now returns 0 in that isolate) …
    const own = await run(`Math.exp = () => 0;\n${wrap("return [Math.exp(1), [1].map((v) => v + 1)[0]];")}`);
    expect(own.cases[0].actual).toEqual([0, 2]);
    // … and the next submission's isolate has pristine built-ins
    const next = await run(
      wrap(`return [Math.exp(0), [1].map((v) => v + 1)[0], "polluted" in {}, JSON.stringify([1]).length];`),
    );
    expect(next.cases[0].actual).toEqual([1, 2, false, 3]);
  });

  it("constructor escapes, globalThis probing, require and import() reach nothing", async () => {
    const probe = await attack(
      wrap(`const f = (function (this: any) { return this; }).constructor as FunctionConstructor;
        const names = Object.getOwnPropertyNames(globalThis);
        return [typeof f("return typeof process")(), typeof (globalThis as any).process, typeof (globalThis as any).require,
                names.filter((n) => /^(process|require|ivm|_ivm|Buffer|module|fetch|setTimeout|global)$/.test(n) || /gibbs|dispatch/i.test(n)).join(","),
                typeof (globalThis as any).__gibbsDispatch];`),
    );
    // The isolate starts from a snapshot whose global held the harness's dispatch: it is gone before the student's code runs.
    expect(probe.cases[0].actual).toEqual(["string", "undefined", "undefined", "", "undefined"]);
    const esc = await attack(wrap(`return (this as any).constructor.constructor("return process")().mainModule;`));
    expect(en(esc)).toMatch(/threw an error/);
    const req = await attack(wrap(`const r = (0, eval)("require"); return r("fs");`));
    expect(en(req)).toMatch(/require is not defined/);
    const dyn = await attack(wrap(`const name = "f" + "s"; return require(name);`));
    expect(en(dyn)).toMatch(/Cannot import "fs"/);
  });

  it('static import() and imports other than "lab" are compile errors naming the module', async () => {
    const a = await run(`import fs from "node:fs";\n${wrap("return [fs.readFileSync.length];")}`);
    expect(a.status).toBe("compile_error");
    expect(a.message.en).toMatch(/Cannot import "node:fs"/);
    expect(a.message.zh).toMatch(/无法导入 "node:fs"/);
    expect(a.position?.line).toBe(1);
    const b = await run(wrap(`return import("child_process") as any;`));
    expect(b.status).toBe("compile_error");
    expect(b.message.en).toMatch(/child_process/);
    expect(b.position?.line).toBe(2);
  });

  it("100 MB of console.log is capped at 64 KB and the case still grades", async () => {
    const r = await attack(
      wrap(`for (let i = 0; i < 100; i++) console.log("x".repeat(1e6));
        return W.map((r, i) => r.reduce((s, w, j) => s + w * x[j], b[i]));`),
      "run",
      1500, // 100 MB of strings to build: give it time on a loaded machine
    );
    expect(r.score).toBe(r.maxScore);
    const text = r.cases[0].console ?? "";
    expect(text.length).toBeLessThan(CONSOLE_MAX_CHARS + 200);
    expect(text).toMatch(/truncated/);
  });

  it("mutating the inputs fails the case, and cannot affect the next case or the expected values", async () => {
    const code = `export function affine(W: number[][], x: number[], b: number[]): number[] {
        const y = W.map((r, i) => r.reduce((s, w, j) => s + w * x[j], b[i]));
        W.length = 0; x.fill(1e9); b.push(7);
        return y;
      }`;
    const before = JSON.stringify(prepareCases(fx.spec, "submit").map((c) => c.args));
    expect((await attack(code, "submit")).score).toBe(0);
    // Where a contract allows in-place updates, every case still gets fresh inputs.
    const inPlace = { ...fx.spec, inputsMayChange: true };
    const r = await grade({ spec: inPlace, code, mode: "submit", limits });
    expect(r.score).toBe(fx.spec.points);
    expect(JSON.stringify(prepareCases(fx.spec, "submit").map((c) => c.args))).toBe(before);
    expect(JSON.stringify(prepareCases(inPlace, "submit").map((c) => c.args))).toBe(before);
  });

  it("an indexed setter on Array.prototype changes only the student's own later inputs, never the expected values", async () => {
    const before = JSON.stringify(prepareCases(fx.spec, "submit").map((c) => [c.args, c.expected]));
    const r = await attack(
      wrap(`Object.defineProperty(Array.prototype, "0", { configurable: true, set(this: any, _v: number) { Object.defineProperty(this, "0", { value: 0, writable: true, enumerable: true, configurable: true }); } });
  return W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));`),
      "submit",
    );
    expect(r.cases[0].status).toBe("passed"); // the first case's inputs were built before the setter existed
    expect(r.score).toBeLessThan(fx.spec.points); // later inputs lost their first entries: the student's own loss
    expect(JSON.stringify(prepareCases(fx.spec, "submit").map((c) => [c.args, c.expected]))).toBe(before);
  });

  it("code that is not valid TypeScript: compile error with line and column, in en and zh", async () => {
    const r = await attack("export function affine(W: number[][] {\n  return [];\n}");
    expect(r.status).toBe("compile_error");
    expect(r.position).toMatchObject({ line: 1 });
    expect(r.message.en).toMatch(/Syntax error \(line 1, column \d+\)/);
    expect(r.message.zh).toMatch(/语法错误（第 1 行，第 \d+ 列）/);
    expect(r.cases.every((c) => c.score === 0)).toBe(true);
  });

  it("a file over 100 KB is refused", async () => {
    const r = await run(`${wrap("return [];")}\n// ${"x".repeat(101 * 1024)}`);
    expect(r.status).toBe("compile_error");
    expect(r.message.en).toMatch(/limit is 100 KB/);
  });

  it("30,000 nested blocks (a 60 KB file) are the student's compile error, not the grader's end", async () => {
    // Printed with indentation, esbuild's output was longer than V8's longest string: the process died.
    const r = await attack(wrap(`${"{".repeat(30_000)}${"}".repeat(30_000)} return [];`));
    expect(r.status).toBe("compile_error");
    expect(r.message.en).toMatch(/could not be compiled/);
    expect(r.message.zh).toMatch(/[\u4e00-\u9fff]/);
  }, 60_000);

  it("a missing entry function is named", async () => {
    const r = await run("export function affin() { return []; }");
    expect(r.status).toBe("error");
    expect(r.message.en).toMatch(/export a function named "affine".*It exports: affin/);
  });

  it("a run-time error reports the line in the student's own file", async () => {
    const r = await run(
      "export function affine(W: number[][], x: number[], b: number[]): number[] {\n  const z: any = null;\n\n  return z.boom;\n}",
    );
    expect(en(r)).toMatch(/\(line 4\)/);
  });
});

describe("hidden cases: nothing the student's code chose is echoed", () => {
  it("a thrown message, a returned string and a returned object's field names are quoted on visible cases only", async () => {
    const leak = "'LEAK' + JSON.stringify([W, x, b])";
    for (const body of [`throw new TypeError(${leak});`, `return ${leak} as any;`, `return { [${leak}]: 1 } as any;`]) {
      const r = await attack(wrap(body), "submit");
      expect(r.score).toBe(0);
      const [visible, hidden] = [
        r.cases.filter((c) => c.visibility === "visible"),
        r.cases.filter((c) => c.visibility === "hidden"),
      ];
      expect(
        visible.every((c) => c.message.en.includes("LEAK")),
        body,
      ).toBe(true);
      for (const c of hidden) {
        expect(c.message.en, body).not.toContain("LEAK");
        expect(c.message.zh, body).not.toContain("LEAK");
      }
    }
    // a class's own Symbol.toStringTag is never quoted (the harness names only built-in types)
    const tagged = await attack(
      wrap(`return new (class { get [Symbol.toStringTag]() { return ${leak}; } })() as any;`),
      "submit",
    );
    expect(tagged.cases.every((c) => !c.message.en.includes("LEAK") && !c.message.zh.includes("LEAK"))).toBe(true);
    expect(en(tagged)).toMatch(/an object of type \[object \(a class instance\)\]/);
    expect(en(await run(wrap("return new Map() as any;")))).toMatch(/an object of type \[object Map\]/);
    const thrown = await run(wrap(`throw new TypeError(${leak});`), "submit");
    expect(thrown.cases[2].message.en).toBe(
      "Your function threw an error. Its type, line and text are not shown for hidden cases.",
    );
    expect(thrown.cases[2].message.zh).toBe("函数抛出了错误。隐藏用例不显示错误的类型、行号和文字内容。");
    expect(thrown.cases[0].message.en).toMatch(/threw an error \(line 2\): TypeError: LEAK/);
  });
});

describe("time limits", () => {
  it("after one case runs out of time the later cases get a shorter limit, and cases that finish still score", async () => {
    // loops forever on 3-row inputs only (some hidden cases), correct elsewhere
    const r = await run(
      wrap(
        "if (W.length === 3) { while (true) {} }\n  return W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));",
      ),
      "submit",
      1000,
    );
    const looped = r.cases.filter((c) => c.message.en.startsWith("Time limit exceeded"));
    expect(looped.length).toBeGreaterThan(1);
    expect(looped[0].timings.runMs).toBeGreaterThanOrEqual(1000);
    for (const c of looped.slice(1)) {
      // The shortened limit is max(200 ms, 20 × the slowest case finished before it), capped at the case limit:
      // 200 ms on an idle machine, more when a loaded one slowed a finished case down.
      const before = r.cases.slice(0, r.cases.indexOf(c)).filter((d) => !looped.includes(d));
      const slowest = Math.max(0, ...before.map((d) => d.timings.runMs));
      const shortened = Math.min(1000, Math.max(200, Math.ceil(20 * slowest)));
      expect(c.timings.runMs).toBeGreaterThanOrEqual(shortened - 1);
      expect(c.timings.runMs).toBeLessThan(shortened + 1000);
      // Hidden cases: the category only (a limit that depends on earlier cases' times is not quoted).
      expect(c.message.en).toBe("Time limit exceeded: look for an infinite loop or too much work.");
      expect(c.message.zh).toBe("超出时间限制：请检查是否有死循环或计算量过大。");
    }
    const finished = r.cases.filter((c) => !looped.includes(c));
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every((c) => c.status === "passed")).toBe(true);
  });

  // Issue 13: a fractional "20 × slowest case" limit made isolated-vm refuse every later call, and
  // that host error was scored as the student's TypeError (3.57/10 instead of 9.29/10).
  it.each([12, 37.5, 150])(
    "a correct solution taking %s ms per case, one case looping: only that case fails",
    async (ms) => {
      const r = await run(
        `let looped = false;
      export function affine(W: number[][], x: number[], b: number[]): number[] {
        if (W.length === 3 && !looped) { looped = true; while (true) {} }
        const t = Date.now(); while (Date.now() - t < ${ms}) {}
        return W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));
      }`,
        "submit",
        1000,
      );
      const failed = r.cases.filter((c) => c.status === "failed");
      expect(failed).toHaveLength(1);
      expect(failed[0].message.en).toMatch(/^Time limit exceeded/);
      expect(r.score).toBeCloseTo(fx.spec.points - failed[0].max_score, 9);
    },
  );

  it("a call that isolated-vm refuses on the host is a grader error (thrown), never the student's", async () => {
    const sb = await acquireSandbox();
    try {
      const loaded = await sb.load("exports.affine = () => [];", "affine", { helpers: [], timeoutMs: 500 });
      expect(loaded.kind).toBe("ok");
      await expect(sb.run(prepareCases(fx.spec, "run")[0].packed, 12.5)).rejects.toBeInstanceOf(SandboxHostError);
    } finally {
      sb.dispose();
    }
  });
});

describe("feedback", () => {
  it("a failing case that matches a registered misconception gets its hint, phrased 'looks like'", async () => {
    const r = await run(wrap("return W.map((r) => r.reduce((s, w, j) => s + w * x[j], 0));"), "submit");
    const hidden = r.cases.filter((c) => c.visibility === "hidden");
    expect(hidden.every((c) => c.hintId === "fixture.affine.no-bias")).toBe(true);
    // The hint is a field of the result, given once (issue 12 item 7): not repeated in the case rows.
    expect(r.hint?.id).toBe("fixture.affine.no-bias");
    expect(r.hint?.message.en).toMatch(/This looks like a known mistake: The bias b was left out/);
    expect(r.hint?.message.zh).toMatch(/这看起来像一个常见错误：遗漏了偏置 b/);
    expect(r.cases.some((c) => c.message.en.includes("looks like a known mistake"))).toBe(false);
    // hidden-case messages quote no expected values
    expect(hidden[0].message.en).not.toMatch(/expected -?\d/);
    expect(r.cases[0].message.en).toMatch(/expected/);
  });

  it("the starter gets 0 on its wrong-shape output, and the same seed gives the same cases", async () => {
    const starter = fs.readFileSync(path.join(fx.dir, "starter.ts"), "utf8");
    const r = await run(starter, "submit");
    expect(r.score).toBe(0);
    expect(en(r)).toMatch(/Wrong shape: expected 2, got 0/);
    expect(r.cases).toHaveLength(12);
  });
});
