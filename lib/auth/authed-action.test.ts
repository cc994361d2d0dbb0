import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "./session";

const state = vi.hoisted(() => {
  // The app sits behind a proxy at 10.0.0.1; the request arrives through it.
  process.env.TRUSTED_PROXIES = "10.0.0.0/8";
  return {
    actor: null as Actor | null,
    audits: [] as unknown[],
    headers: {} as Record<string, string>,
  };
});
const PROXIED = {
  "x-trustdeck-peer": "10.0.0.1",
  "x-forwarded-for": "198.51.100.4, 10.0.0.1",
  host: "trustdeck.example",
  origin: "https://trustdeck.example",
};

vi.mock("./session", () => ({ currentActor: async () => state.actor }));
vi.mock("@/lib/db/get-db", () => ({ getDb: async () => ({}) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(state.headers),
}));
vi.mock("@/lib/audit/record", () => ({
  recordAudit: async (_db: unknown, entry: unknown) => void state.audits.push(entry),
}));

const { authedAction } = await import("./authed-action");
const { installForwardedHeaderGuard } = await import("./trusted-proxies");
installForwardedHeaderGuard();

const schema = z.object({ name: z.string().min(3, "Too short.") });
const run = vi.fn(async (input: { name: string }) => ({ ok: true as const, data: input.name.toUpperCase() }));
const action = authedAction({ action: "thing.create", role: "operator", schema }, run);

describe("authedAction", () => {
  beforeEach(() => {
    state.actor = null;
    state.audits = [];
    state.headers = { ...PROXIED };
    run.mockClear();
  });

  it("refuses without a session and runs nothing", async () => {
    expect(await action({ name: "abc" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a lower role, audits the refusal and runs nothing", async () => {
    state.actor = { id: "u1", name: "Vera", username: "vera", role: "viewer" };
    expect(await action({ name: "abc" })).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringContaining("operator role"),
    });
    expect(run).not.toHaveBeenCalled();
    expect(state.audits).toEqual([
      expect.objectContaining({
        action: "thing.create",
        outcome: "denied",
        sourceIp: "198.51.100.4",
        actor: state.actor,
      }),
    ]);
  });

  it("validates with the shared schema on the server before running", async () => {
    state.actor = { id: "u2", name: "Oscar", username: "oscar", role: "operator" };
    expect(await action({ name: "x" })).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { name: ["Too short."] },
    });
    expect(await action({ name: 42 } as never)).toMatchObject({ ok: false, code: "invalid-input" });
    expect(run).not.toHaveBeenCalled();
  });

  it("runs for a sufficient role with the parsed input", async () => {
    state.actor = { id: "u3", name: "Ada", username: "ada", role: "admin" };
    expect(await action({ name: "abc" })).toEqual({ ok: true, data: "ABC" });
    expect(run).toHaveBeenCalledWith(
      { name: "abc" },
      expect.objectContaining({ actor: state.actor, sourceIp: "198.51.100.4" }),
    );
  });

  it("turns an unexpected error into a generic failure without its details", async () => {
    state.actor = { id: "u3", name: "Ada", username: "ada", role: "admin" };
    run.mockRejectedValueOnce(new Error("connect ECONNREFUSED postgres://user:hunter2@db"));
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await action({ name: "abc" });
    expect(result).toMatchObject({ ok: false, code: "internal" });
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect(state.audits).toEqual([expect.objectContaining({ outcome: "failure" })]);
    spy.mockRestore();
  });

  it.each([
    ["without an Origin header", undefined],
    ["with a foreign Origin", "https://evil.example"],
    ["with a look-alike Origin", "https://trustdeck.example.evil.example"],
    ["with the opaque Origin null", "null"],
  ])("refuses a request %s, audits it and runs nothing (CSRF)", async (_case, origin) => {
    state.actor = { id: "u3", name: "Ada", username: "ada", role: "admin" };
    if (origin === undefined) delete state.headers.origin;
    else state.headers.origin = origin;
    expect(await action({ name: "abc" })).toMatchObject({ ok: false, code: "bad-origin" });
    expect(run).not.toHaveBeenCalled();
    expect(state.audits).toEqual([
      expect.objectContaining({ outcome: "denied", details: expect.objectContaining({ reason: "origin" }) }),
    ]);
  });

  it("records the connection's address, not a forged X-Forwarded-For, when the peer is no trusted proxy", async () => {
    state.actor = { id: "u3", name: "Ada", username: "ada", role: "admin" };
    state.headers = { ...PROXIED, "x-trustdeck-peer": "203.0.113.9", "x-forwarded-for": "192.0.2.1" };
    await action({ name: "abc" });
    expect(run).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ sourceIp: "203.0.113.9" }));
  });
});
