/** The route adapter's request rule (issue 13, CSRF): state-changing requests only from our own pages, with JSON bodies. */

import { describe, expect, it } from "vitest";
import { codeFromBody, refuseRequest } from "@/app/_lib/request";
import { InputError } from "@/app/_lib/errors";

const URL_ = "http://localhost:3000/api/student/courses/c/assignments/a/exercises/e/submissions";
const req = (method: string, headers: Record<string, string>, body?: string) =>
  new Request(URL_, { method, headers: { host: "localhost:3000", ...headers }, body });

describe("refuseRequest", () => {
  it("lets reads through whatever their origin", () => {
    expect(refuseRequest(req("GET", { origin: "http://evil.example" }))).toBeNull();
  });

  it("accepts a same-origin JSON POST, PUT and a DELETE without a body", () => {
    const json = { origin: "http://localhost:3000", "content-type": "application/json; charset=utf-8" };
    expect(refuseRequest(req("POST", json, "{}"))).toBeNull();
    expect(refuseRequest(req("PUT", json, "{}"))).toBeNull();
    expect(refuseRequest(req("DELETE", { origin: "http://localhost:3000" }))).toBeNull();
  });

  it("accepts the origin the proxy names in X-Forwarded-Host", () => {
    const r = req("POST", {
      origin: "https://gibbs.example.edu",
      "x-forwarded-host": "gibbs.example.edu",
      "content-type": "application/json",
    });
    expect(refuseRequest(r)).toBeNull();
  });

  it("refuses another origin, including another port of the same host (same site)", () => {
    for (const origin of ["http://localhost:3001", "http://evil.example", "null"]) {
      const e = refuseRequest(req("POST", { origin, "content-type": "application/json" }, "{}"));
      expect(e, origin).toBeInstanceOf(InputError);
      expect(e?.code).toBe("cross_site");
      expect(e?.status).toBe(403);
      expect(e?.toJSON().message.zh).toContain("拒绝");
    }
  });

  it("without Origin, trusts Sec-Fetch-Site: same-origin only", () => {
    expect(
      refuseRequest(req("POST", { "sec-fetch-site": "same-origin", "content-type": "application/json" })),
    ).toBeNull();
    expect(
      refuseRequest(req("POST", { "sec-fetch-site": "same-site", "content-type": "application/json" }))?.code,
    ).toBe("cross_site");
  });

  it("refuses a body that is not declared JSON (a text/plain form or no-cors fetch)", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const headers: Record<string, string> = { origin: "http://localhost:3000" };
      if (type) headers["content-type"] = type;
      const e = refuseRequest(req("POST", headers, '{"code":"x"}'));
      expect(e?.code, type).toBe("not_json");
      expect(e?.status).toBe(415);
    }
  });
});

describe("codeFromBody", () => {
  it("reads the code field, and refuses bodies without one in both languages", async () => {
    expect(await codeFromBody(req("POST", {}, '{"code":"export {}"}'))).toBe("export {}");
    for (const body of ["not json", '{"other":1}']) {
      const e = await codeFromBody(req("POST", {}, body)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).status).toBe(400);
      expect((e as InputError).toJSON().message.en).toMatch(/^Bad request: /);
    }
  });
});
