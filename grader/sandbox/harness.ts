/**
 * The trusted JavaScript that every isolate holds BEFORE the student's code: evaluated once per
 * process into the V8 snapshot that each isolate starts from (sandbox.ts).
 *
 * It captures the built-ins it needs (Reflect, Object.getOwnPropertyDescriptor, …)
 * in a closure, so a student who overwrites `JSON`, `Math`, `Array.prototype` or
 * `Object.prototype` changes only what their own function computes. Its completion
 * value is `dispatch(op, …)`, which the host keeps as a Reference and is the only
 * way in: "load" runs the student module and finds the entry; "run" calls it on
 * one case, "runAll" on each case of a batch in turn; "harden" is the host's first call in an isolate
 * started from the snapshot. Everything it returns is a freshly built tree of plain data (arrays,
 * null-prototype objects, numbers, strings, booleans, null), copied out by the host.
 *
 * Output validation happens here, under the case's time limit: cycles, holes,
 * functions, symbols, BigInts, Promises, class instances and accessor properties of
 * objects are reported, and the element count is capped. Array elements are read
 * directly, so an array getter or a Proxy trap runs here under the time limit (a
 * looping one times out); the host only ever receives a plain copy of what was read.
 * Inputs arrive packed (pack.ts): a JSON skeleton parsed here and a copied Float64Array
 * holding every number; `unpack` rebuilds fresh plain arrays and objects for each call.
 *
 * `dispatch` never throws: an exception that escaped it would be copied out by
 * isolated-vm AFTER its time limit (reading `message`/`stack`, i.e. running student
 * getters or Proxy traps with no timeout). Thrown student values are only inspected by
 * `describe`, inside the call. Strings and property names in an output share one
 * character budget, so an output cannot expand into gigabytes when the host copies it
 * (a 100 000-character string repeated a million times is one string in the isolate,
 * but a million copies on the host).
 */

export interface HarnessLimits {
  /** Maximum number of leaves (numbers, strings, …) in one output. */
  maxOutputElements: number;
  /** Console capture per case, characters. */
  consoleMaxChars: number;
  /** Characters of all strings and property names in one output, together. */
  maxOutputChars: number;
}

/** Source of the harness; `labIife` is the bundled lab module (declares `var __gibbsLabModule`). */
export function harnessSource(labIife: string, limits: HarnessLimits): string {
  return `(function (labModule) {
"use strict";
const G = globalThis;
const getDesc = Object.getOwnPropertyDescriptor;
const defProp = Object.defineProperty;
const getProto = Object.getPrototypeOf;
const setProto = Object.setPrototypeOf;
const JSONparse = JSON.parse;
const JSONstringify = JSON.stringify;
const ownKeys = Reflect.ownKeys;
const apply = Reflect.apply;
const construct = Reflect.construct;
const isArray = Array.isArray;
const hasOwnFn = Object.prototype.hasOwnProperty;
const hasOwn = (o, k) => apply(hasOwnFn, o, [k]);
const ObjProto = Object.prototype;
const ArrCtor = Array;
const F64 = Float64Array;
const StringFn = String;
const split = String.prototype.split;
const freeze = Object.freeze;
const isView = ArrayBuffer.isView;
const TypedProto = getProto(Uint8Array.prototype);
const typedLength = getDesc(TypedProto, "length").get;
const DataViewProto = DataView.prototype;
const PromiseProto = Promise.prototype;
const objToString = Object.prototype.toString;
// Types named in "an object of type …" messages. Any other tag (a class's own Symbol.toStringTag) is text the
// student's code chose, which must not reach a hidden case's message.
const KNOWN_TAGS = { __proto__: null };
["Map", "Set", "WeakMap", "WeakSet", "Date", "RegExp", "Error", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array",
  "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array",
  "BigUint64Array", "Number", "String", "Boolean", "Generator", "Arguments", "Object"].forEach(function (t) { KNOWN_TAGS["[object " + t + "]"] = true; });
const strSlice = String.prototype.slice;
const ErrorCtor = Error;
const dateNow = Date.now;
const MAX_ELEMENTS = ${limits.maxOutputElements};
const MAX_DEPTH = 64;
const MAX_STRING = 100000;
const MAX_KEY = 1000;
const MAX_CHARS = ${limits.maxOutputChars};
const CONSOLE_MAX = ${limits.consoleMaxChars};

// ------------------------------------------------------------ memory outside the isolate's limit
// WebAssembly memories and resizable/growable buffers ("maxByteLength") are reserved and
// committed outside the ArrayBuffer allocator that enforces the isolate's memory limit:
// a submission could hold gigabytes of the host's memory. So the sandbox has no
// WebAssembly, and ArrayBuffer / SharedArrayBuffer ignore their options argument (the
// intrinsic constructors stay reachable only through these wrappers: the globals and
// the prototypes' "constructor"). harden() runs here and again in each isolate started from
// the snapshot (sandbox.ts), where V8 installs WebAssembly and SharedArrayBuffer anew.
function fixedLength(Real, Wrapped, newTarget, length) {
  if (newTarget === undefined) return apply(Real, undefined, []); // TypeError: requires 'new'
  return construct(Real, [length], newTarget === Wrapped ? Real : newTarget);
}
function fixedLengthOnly(Real, Wrapped) {
  defProp(Wrapped, "prototype", { __proto__: null, value: Real.prototype });
  defProp(Real.prototype, "constructor", { __proto__: null, value: Wrapped });
  const statics = ownKeys(Real);
  for (let i = 0; i < statics.length; i++) {
    const k = statics[i];
    if (k === "prototype" || k === "name" || k === "length") continue;
    const d = getDesc(Real, k);
    if (hasOwn(d, "get")) d.get = function () { return this; }; // Symbol.species
    defProp(Wrapped, k, d);
  }
  defProp(G, Real.name, { __proto__: null, value: Wrapped, writable: true, configurable: true, enumerable: false });
}
let abWrapper = null;
let sabWrapper = null;
function harden() {
  delete G.WebAssembly;
  if (G.ArrayBuffer !== abWrapper) {
    const RealAB = G.ArrayBuffer;
    abWrapper = function ArrayBuffer(length) { return fixedLength(RealAB, ArrayBuffer, new.target, length); };
    fixedLengthOnly(RealAB, abWrapper);
  }
  if (typeof G.SharedArrayBuffer === "function" && G.SharedArrayBuffer !== sabWrapper) {
    const RealSAB = G.SharedArrayBuffer;
    sabWrapper = function SharedArrayBuffer(length) { return fixedLength(RealSAB, SharedArrayBuffer, new.target, length); };
    fixedLengthOnly(RealSAB, sabWrapper);
  }
}
harden();

// ------------------------------------------------------------ console capture
let out = "";
let truncated = false;
function fmt(v, depth) {
  const t = typeof v;
  if (t === "string") return depth === 0 ? v : '"' + v + '"';
  if (t === "number" || t === "boolean" || t === "undefined" || t === "bigint") return StringFn(v) + (t === "bigint" ? "n" : "");
  if (t === "symbol") return "Symbol()";
  if (t === "function") return "[Function]";
  if (v === null) return "null";
  if (depth > 2) return isArray(v) ? "[…]" : "{…}";
  let s = "";
  if (isArray(v)) {
    const d = getDesc(v, "length");
    const n = d && typeof d.value === "number" ? d.value : 0;
    s = "[";
    for (let i = 0; i < n && i < 50; i++) {
      const e = getDesc(v, i);
      s += (i ? ", " : "") + (e === undefined ? "<hole>" : hasOwn(e, "value") ? fmt(e.value, depth + 1) : "[Getter]");
      if (s.length > 2000) break;
    }
    if (n > 50) s += ", … " + (n - 50) + " more";
    return s + "]";
  }
  const keys = ownKeys(v);
  s = "{";
  for (let i = 0; i < keys.length && i < 30; i++) {
    const k = keys[i];
    if (typeof k !== "string") continue;
    const e = getDesc(v, k);
    s += (i ? ", " : "") + k + ": " + (e === undefined ? "undefined" : hasOwn(e, "value") ? fmt(e.value, depth + 1) : "[Getter]");
    if (s.length > 2000) break;
  }
  return s + "}";
}
function write(args) {
  if (truncated) return;
  let line = "";
  for (let i = 0; i < args.length; i++) {
    line += (i ? " " : "") + fmt(args[i], 0);
    if (out.length + line.length > CONSOLE_MAX) break;
  }
  if (out.length + line.length + 1 > CONSOLE_MAX) {
    out += apply(strSlice, line, [0, CONSOLE_MAX - out.length]);
    truncated = true;
    return;
  }
  out += line + "\\n";
}
const consoleObj = {
  log: function log(...a) { write(a); },
  info: function info(...a) { write(a); },
  warn: function warn(...a) { write(a); },
  error: function error(...a) { write(a); },
  debug: function debug(...a) { write(a); },
};
defProp(G, "console", { __proto__: null, value: consoleObj, writable: true, configurable: true, enumerable: false });
function takeConsole() {
  const r = { __proto__: null, text: flat(out), truncated: truncated };
  out = "";
  truncated = false;
  return r;
}

// ------------------------------------------------------------ thrown values
function describe(e) {
  try {
    if (e === null) return { __proto__: null, text: "null", stack: "" };
    const t = typeof e;
    if (t !== "object" && t !== "function") return { __proto__: null, text: t + " " + clip(StringFn(e)), stack: "" };
    let name = "", message = "", stack = "";
    const n = getDesc(e, "name") || (getProto(e) && getDesc(getProto(e), "name"));
    if (n && hasOwn(n, "value") && typeof n.value === "string") name = n.value;
    const m = getDesc(e, "message");
    if (m && hasOwn(m, "value") && typeof m.value === "string") message = m.value;
    // V8 defines Error#stack as an own accessor; a student-made getter runs under the time limit like any student code.
    try {
      const st = e.stack;
      if (typeof st === "string") stack = clip(st);
    } catch (_) {}
    if (!name && !message) return { __proto__: null, text: "a non-Error object", stack: "" };
    return { __proto__: null, text: clip(name ? name + ": " + message : message), stack };
  } catch (_) {
    return { __proto__: null, text: "a value that cannot be described", stack: "" };
  }
}
function clip(s) {
  return flat(s.length > 500 ? apply(strSlice, s, [0, 500]) + "…" : s);
}
/**
 * A fresh copy of a string that a result keeps. V8 lets a slice or a concatenation point into its
 * source, so a 10-character slice can hold a 20 MB string alive; runAll keeps every case's result in
 * the isolate until the batch ends, and 15 such cases would exhaust the heap.
 */
function flat(s) {
  return s.length === 0 ? s : JSONparse(JSONstringify(s));
}

// ------------------------------------------------------------ output copy + validation
// Thrown by bad() and recognised by identity only (a student-thrown value is never
// inspected here: a Proxy's traps or getters could run or throw).
const BAD = { __proto__: null };
let badInfo = null;
let count = 0;
let chars = 0;
const path = { __proto__: null };
const onPath = { __proto__: null };
function bad(depth, en, zh) {
  let p = "";
  for (let i = 0; i < depth; i++) {
    const k = path[i];
    p += typeof k === "number" ? "[" + k + "]" : "." + (k.length > 40 ? apply(strSlice, k, [0, 40]) + "…" : k);
  }
  badInfo = { __proto__: null, path: p, en: en, zh: zh };
  throw BAD;
}
function spend(depth, n) {
  chars += n;
  if (chars > MAX_CHARS) bad(depth, "more than " + MAX_CHARS + " characters of strings and property names in total", "字符串和属性名总计超过 " + MAX_CHARS + " 个字符");
}
const D = { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true };
// The element limit of the output being copied: the host sets it per call (from the expected output's size), at most MAX_ELEMENTS.
let maxElements = MAX_ELEMENTS;
function put(o, k, v) {
  D.value = v;
  defProp(o, k, D);
  D.value = undefined;
}
function copy(v, depth) {
  const t = typeof v;
  if (t === "number" || t === "boolean" || t === "undefined" || v === null) {
    if (++count > maxElements) tooMany(depth);
    return v;
  }
  if (t === "string") {
    if (++count > maxElements) tooMany(depth);
    if (v.length > MAX_STRING) bad(depth, "a string longer than " + MAX_STRING + " characters", "长度超过 " + MAX_STRING + " 的字符串");
    spend(depth, v.length);
    return flat(v);
  }
  if (t === "bigint") bad(depth, "a BigInt (use an ordinary number)", "BigInt（请使用普通的 number）");
  if (t === "symbol") bad(depth, "a symbol", "symbol（符号）");
  if (t === "function") bad(depth, "a function (did you forget to call it?)", "函数（是否忘了调用它？）");
  if (depth >= MAX_DEPTH) bad(depth, "nesting deeper than " + MAX_DEPTH + " levels", "嵌套超过 " + MAX_DEPTH + " 层");
  for (let i = 0; i < depth; i++) if (onPath[i] === v) bad(depth, "a cyclic reference (an object that contains itself)", "循环引用（对象包含了它自身）");
  onPath[depth] = v;
  let res;
  if (isArray(v)) {
    // Elements are read directly (fast); a getter or Proxy trap runs here, under the case's
    // time limit. The copy has a null prototype, so no setter a student put on
    // Array.prototype can intercept it; the host still receives a plain array.
    const len = v.length;
    if (typeof len !== "number" || len < 0) bad(depth, "an array without a valid length", "没有有效 length 的数组");
    if (count + len > maxElements) tooMany(depth, len);
    res = [];
    setProto(res, null);
    for (let i = 0; i < len; i++) {
      const x = v[i];
      if (typeof x === "number") {
        count++;
        res[i] = x;
        continue;
      }
      path[depth] = i;
      if (x === undefined && !hasOwn(v, i)) bad(depth + 1, "an array with a hole (an index that was never assigned)", "含空位的数组（某个下标从未赋值）");
      res[i] = copy(x, depth + 1);
    }
  } else if (isView(v) && getProto(v) !== DataViewProto) {
    const len = apply(typedLength, v, []);
    if (count + len > maxElements) tooMany(depth, len);
    res = new ArrCtor(len);
    for (let i = 0; i < len; i++) {
      path[depth] = i;
      put(res, i, copy(v[i], depth + 1));
    }
  } else {
    const proto = getProto(v);
    if (proto === PromiseProto) bad(depth, "a Promise (the function must be synchronous, not async)", "Promise（函数必须是同步的，不能是 async）");
    if (proto !== ObjProto && proto !== null) {
      const tag = apply(objToString, v, []);
      const type = KNOWN_TAGS[tag] === true ? tag : "[object (a class instance)]";
      bad(depth, "an object of type " + type + " (return plain arrays, numbers or objects)", "类型为 " + type + " 的对象（请返回普通的数组、数字或对象）");
    }
    res = { __proto__: null };
    const keys = ownKeys(v);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (typeof k !== "string") continue;
      if (k.length > MAX_KEY) bad(depth, "a property name longer than " + MAX_KEY + " characters", "长度超过 " + MAX_KEY + " 的属性名");
      path[depth] = k;
      spend(depth + 1, k.length);
      const d = getDesc(v, k);
      if (d === undefined || !d.enumerable) continue;
      if (!hasOwn(d, "value")) bad(depth + 1, "a getter/setter property (return plain data)", "getter/setter 属性（请返回普通数据）");
      put(res, k, copy(d.value, depth + 1));
    }
  }
  onPath[depth] = undefined;
  return res;
}
function tooMany(depth, len) {
  bad(depth, "more than " + maxElements + " elements" + (len !== undefined ? " (an array of length " + len + ")" : ""), "超过 " + maxElements + " 个元素" + (len !== undefined ? "（长度为 " + len + " 的数组）" : ""));
}

// ------------------------------------------------------------ load and run
let entryFn = null;
/** The exports of "lab" this exercise lists (helpers: comma-separated names), and nothing else. */
function labFor(helpers) {
  const m = { __proto__: null };
  const names = apply(split, helpers, [","]);
  for (let i = 0; i < names.length; i++) if (hasOwn(labModule, names[i])) m[names[i]] = labModule[names[i]];
  defProp(m, "__esModule", { value: true });
  return freeze(m);
}
function load(factory, entryName, helpers) {
  const module = { exports: {} };
  const allowLab = helpers !== "";
  const lab = allowLab ? labFor(helpers) : null;
  const require = function require(name) {
    name = StringFn(name);
    if (name === "lab" && allowLab) return lab;
    throw new ErrorCtor(allowLab
      ? 'Cannot import "' + name + '": only the helper module "lab" can be imported here. / 无法导入 "' + name + '"：这里只能导入辅助模块 "lab"。'
      : 'Cannot import "' + name + '": this exercise allows no imports. / 无法导入 "' + name + '"：本题不允许导入任何模块。');
  };
  try {
    apply(factory, undefined, [module, module.exports, require]);
  } catch (e) {
    return { __proto__: null, kind: "threw", error: describe(e), console: takeConsole() };
  }
  // module.exports may be anything the student assigned (a Proxy, an object with getters): look inside under the time limit.
  let fn;
  const names = [];
  setProto(names, null);
  try {
    const ex = module.exports;
    const d = ex !== null && (typeof ex === "object" || typeof ex === "function") ? getDesc(ex, entryName) : undefined;
    if (d !== undefined) fn = hasOwn(d, "value") ? d.value : typeof d.get === "function" ? apply(d.get, ex, []) : undefined;
    if (typeof fn !== "function" && ex !== null && typeof ex === "object") {
      const ks = ownKeys(ex);
      for (let i = 0, n = 0; i < ks.length && n < 20; i++) {
        const k = ks[i];
        if (typeof k === "string" && k !== "__esModule") put(names, n++, k.length > 60 ? apply(strSlice, k, [0, 60]) + "…" : k);
      }
    }
  } catch (e) {
    return { __proto__: null, kind: "threw", error: describe(e), console: takeConsole() };
  }
  if (typeof fn !== "function") return { __proto__: null, kind: "no_entry", exported: names, console: takeConsole() };
  entryFn = fn;
  return { __proto__: null, kind: "ok", console: takeConsole() };
}
function run(args, skeleton, nums, cap) {
  let result;
  try {
    result = apply(entryFn, undefined, args);
  } catch (e) {
    return { __proto__: null, kind: "threw", error: describe(e), console: takeConsole() };
  }
  count = 0;
  chars = 0;
  badInfo = null;
  maxElements = typeof cap === "number" && cap > 0 && cap < MAX_ELEMENTS ? cap : MAX_ELEMENTS;
  try {
    const value = copy(result, 0);
    const changed = firstChange(skeleton, args, nums);
    return { __proto__: null, kind: "ok", value: value, elements: count, changedInput: changed, console: takeConsole() };
  } catch (e) {
    if (e === BAD) {
      const b = badInfo;
      badInfo = null;
      return { __proto__: null, kind: "bad_output", path: b.path, en: b.en, zh: b.zh, console: takeConsole() };
    }
    return { __proto__: null, kind: "threw", error: describe(e), console: takeConsole() };
  }
}
/**
 * Every case of a batch (pack.ts packBatch) in one call, in order: the same run() per case, its
 * outcome with the case's own time in whole milliseconds (Date.now, captured above). The list is
 * harness data (parsed here before any student code runs); the outcomes go in by defineProperty.
 * The outcomes stay in the isolate until the batch ends, so their strings together get one output's
 * character budget: past it the batch stops, incomplete, and the host grades case by case.
 */
function runAll(list, buf) {
  const outcomes = [];
  setProto(outcomes, null);
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const nums = new F64(buf, item[1] * 8, item[2]);
    const t0 = dateNow();
    const r = run(unpack(item[0], nums), item[0], nums, item[3]);
    r.ms = dateNow() - t0;
    kept += chars + r.console.text.length;
    if (kept > MAX_CHARS) return { __proto__: null, complete: false, outcomes: null };
    put(outcomes, i, r);
  }
  return { __proto__: null, complete: true, outcomes: outcomes };
}
// ------------------------------------------------------------ inputs (pack.ts)
// Fresh arrays and objects for every call. Number arrays are filled by plain assignment (3× faster
// than any setter-proof way): an indexed setter a student put on Array.prototype in an earlier case
// would see its own inputs arrive, which changes only what its own function computes.
function unpack(node, nums) {
  const t = node[0];
  if (t === "f") {
    const off = node[1];
    const n = node[2];
    const v = new ArrCtor(n);
    for (let i = 0; i < n; i++) v[i] = nums[off + i];
    return v;
  }
  if (t === "x") return nums[node[1]];
  if (t === "a") {
    const kids = node[1];
    const v = new ArrCtor(kids.length);
    for (let i = 0; i < kids.length; i++) v[i] = unpack(kids[i], nums);
    return v;
  }
  if (t === "o") {
    const src = node[1];
    const o = {};
    const ks = ownKeys(src);
    for (let i = 0; i < ks.length; i++) defProp(o, ks[i], { __proto__: null, value: unpack(src[ks[i]], nums), writable: true, enumerable: true, configurable: true });
    return o;
  }
  return t === "v" ? node[1] : undefined;
}

// ------------------------------------------------------------ inputs are read-only (DOMAIN.md)
// After the call, every argument is compared with the packed original it was rebuilt from. Reading
// it runs under the call's time limit; anything that is not plain data as it was (a changed length, an
// added key, a getter or Proxy trap in place of a row or field, a number that reads differently)
// counts as a change. Returns where the first change is, or null.
function firstChange(top, args, nums) {
  // The argument list itself was packed as one node: "f" when every argument is a number.
  const n = top[0] === "f" ? top[2] : top[1].length;
  for (let i = 0; i < n; i++) {
    let at = null;
    try {
      at = changeIn(top[0] === "f" ? ["x", top[1] + i] : top[1][i], args[i], nums, "");
    } catch (e) {
      at = e === CHANGED ? changedAt : ""; // a Proxy trap threw: changed, somewhere
    }
    if (at !== null) return { __proto__: null, arg: i, path: at };
  }
  return null;
}
const CHANGED = { __proto__: null };
let changedAt = "";
/** v[k] as a data property; a getter or a missing element is a change (thrown, recognised by identity). */
function own(v, k, at) {
  const d = getDesc(v, k);
  if (d === undefined || !hasOwn(d, "value")) {
    changedAt = at;
    throw CHANGED;
  }
  return d.value;
}
function changeIn(node, v, nums, at) {
  const t = node[0];
  if (t === "x") return sameNumber(v, nums[node[1]]) ? null : at;
  if (t === "v") return v === node[1] ? null : at;
  if (t === "u") return v === undefined ? null : at;
  if (t === "f" || t === "a") {
    const n = t === "f" ? node[2] : node[1].length;
    if (!isArray(v) || own(v, "length", at) !== n) return at;
    if (t === "f") {
      // Numbers are read directly (the hot loop): a hole reads as undefined, a getter or a Proxy trap runs
      // under the time limit, and only a value that differs from the original is a change.
      const off = node[1];
      for (let i = 0; i < n; i++) if (!sameNumber(v[i], nums[off + i])) return at + "[" + i + "]";
      return null;
    }
    for (let i = 0; i < n; i++) {
      const here = at + "[" + i + "]";
      const c = changeIn(node[1][i], own(v, i, here), nums, here);
      if (c !== null) return c;
    }
    return null;
  }
  // "o": the same own keys, each unchanged
  if (v === null || typeof v !== "object" || isArray(v)) return at;
  const src = node[1];
  const want = ownKeys(src);
  if (ownKeys(v).length !== want.length) return at;
  for (let i = 0; i < want.length; i++) {
    const k = want[i];
    const here = at + "." + k;
    if (!hasOwn(v, k)) return here;
    const c = changeIn(src[k], own(v, k, here), nums, here);
    if (c !== null) return c;
  }
  return null;
}
/** Object.is for numbers: −0 and 0 differ, NaN equals NaN. */
function sameNumber(x, y) {
  return x === y ? x !== 0 || 1 / x === 1 / y : x !== x && y !== y;
}

return function dispatch(op, a, b, c) {
  try {
    if (op === "run") {
      const nums = new F64(b);
      const skeleton = JSONparse(a);
      return run(unpack(skeleton, nums), skeleton, nums, c);
    }
    if (op === "runAll") return runAll(JSONparse(a), b);
    if (op === "harden") return harden();
    return load(a, b, c);
  } catch (_) {
    // Not reached in practice (load and run catch everything); never let a value escape the call.
    return { __proto__: null, kind: "threw", error: { __proto__: null, text: "a value that cannot be described", stack: "" }, console: takeConsole() };
  }
};
})((function () {
${labIife}
return __gibbsLabModule;
})())`;
}
