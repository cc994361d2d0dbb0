import { beforeEach, describe, expect, it, vi } from "vitest";
import { readResult } from "./action-result";
import type { Actor } from "./session";

const state = vi.hoisted(() => ({ actor: null as Actor | null, audits: [] as unknown[] }));

vi.mock("./session", () => ({ currentActor: async () => state.actor }));
vi.mock("@/lib/db/get-db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/audit/record", () => ({
  recordAudit: async (_db: unknown, entry: unknown) => void state.audits.push(entry),
}));

const { authedRoute } = await import("./authed-route");

const handler = vi.fn(async () => Response.json({ ok: true, data: "listed" }));
const route = authedRoute({ action: "thing.list", role: "operator" }, handler);
const call = () => route(new Request("http://127.0.0.1/api/things"), { params: Promise.resolve({}) });

describe("authedRoute answers refusals as ActionResult failures", () => {
  beforeEach(() => {
    state.actor = null;
    state.audits = [];
    handler.mockClear();
  });

  it("401 with code unauthenticated, without running the handler", async () => {
    const response = await call();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("403 with code forbidden for a lower role, audited, and readable by the client", async () => {
    state.actor = { id: "u1", name: "Vera", username: "vera", role: "viewer" };
    const result = await readResult(await call());
    expect(result).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringContaining("operator"),
    });
    expect(handler).not.toHaveBeenCalled();
    expect(state.audits).toEqual([expect.objectContaining({ action: "thing.list", outcome: "denied" })]);
  });

  it("runs the handler for the role it needs", async () => {
    state.actor = { id: "u2", name: "Otto", username: "otto", role: "operator" };
    expect(await readResult(await call())).toEqual({ ok: true, data: "listed" });
  });

  it("audits a mutating request the handler refused, once, with its code; reads are not audited", async () => {
    state.actor = { id: "u2", name: "Otto", username: "otto", role: "operator" };
    const refusing = authedRoute({ action: "thing.refresh", role: "operator" }, async () =>
      Response.json(
        { ok: false, code: "forbidden", message: "Cross-site request refused." },
        { status: 403 },
      ),
    );
    const post = await refusing(
      new Request("http://127.0.0.1/api/things", {
        method: "POST",
        headers: { origin: "http://127.0.0.1", host: "127.0.0.1" },
      }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(await post.json()).toMatchObject({ code: "forbidden" });
    expect(state.audits).toEqual([
      expect.objectContaining({
        action: "thing.refresh",
        outcome: "denied",
        details: expect.objectContaining({ refused: "forbidden" }),
      }),
    ]);
    const brokenBody = authedRoute(
      { action: "thing.refresh", role: "operator" },
      async () => new Response("oops", { status: 502 }),
    );
    await brokenBody(
      new Request("http://127.0.0.1/api/things", {
        method: "POST",
        headers: { origin: "http://127.0.0.1", host: "127.0.0.1" },
      }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(state.audits[1]).toMatchObject({ outcome: "failure", details: { refused: "internal" } });
    await refusing(new Request("http://127.0.0.1/api/things"), { params: Promise.resolve({}) });
    expect(state.audits).toHaveLength(2);
  });
});
