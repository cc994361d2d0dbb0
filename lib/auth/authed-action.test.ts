import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "./session";

const state = vi.hoisted(() => ({ actor: null as Actor | null, audits: [] as unknown[] }));

vi.mock("./session", () => ({ currentActor: async () => state.actor }));
vi.mock("@/lib/db/get-db", () => ({ getDb: async () => ({}) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.4, 10.0.0.1" }),
}));
vi.mock("@/lib/audit/record", () => ({
  recordAudit: async (_db: unknown, entry: unknown) => void state.audits.push(entry),
}));

const { authedAction } = await import("./authed-action");

const schema = z.object({ name: z.string().min(3, "Too short.") });
const run = vi.fn(async (input: { name: string }) => ({ ok: true as const, data: input.name.toUpperCase() }));
const action = authedAction({ action: "thing.create", role: "operator", schema }, run);

describe("authedAction", () => {
  beforeEach(() => {
    state.actor = null;
    state.audits = [];
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
});
