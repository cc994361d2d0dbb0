import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { VendorError } from "./errors";
import { VendorHttpClient, type ErrorDetails, type HttpDepsInput } from "./http";
import { expectEmpty, jsonBodyOf, type RawResponse } from "./http-response";
import { json, startScriptedServer } from "./testing/scripted-server";

// The verbs vendor clients call: input and output schemas applied, and every fault classified,
// with `ambiguous` set exactly when a write may have been applied.

const itemInput = z.object({ name: z.string().trim().min(1), size: z.number().int().default(1) });
const itemOutput = z.object({ id: z.string(), size: z.coerce.number() });

class VerbClient extends VendorHttpClient {
  readonly vendor = "uipath" as const;
  constructor(
    private readonly base: string,
    deps: HttpDepsInput,
  ) {
    super(deps);
  }
  protected apiBase() {
    return this.base;
  }
  protected async buildAuthHeaders() {
    return { authorization: "Bearer verb-secret" };
  }
  protected describeError(raw: RawResponse): ErrorDetails {
    const body = z.object({ message: z.string() }).safeParse(jsonBodyOf(raw));
    return { vendorMessage: body.success ? body.data.message : undefined };
  }
  protected secrets() {
    return ["verb-secret"];
  }
  readItem(path: string) {
    return this.get({ operation: "read the item", path, output: itemOutput });
  }
  create(path: string, value: z.input<typeof itemInput>) {
    return this.post({
      operation: "create the item",
      path,
      input: { schema: itemInput, value },
      output: itemOutput,
    });
  }
  replace(path: string, value: z.input<typeof itemInput>) {
    return this.put({
      operation: "replace the item",
      path,
      input: { schema: itemInput, value },
      output: itemOutput,
    });
  }
  amend(path: string, value: z.input<typeof itemInput>) {
    return this.patch({
      operation: "amend the item",
      path,
      input: { schema: itemInput, value },
      output: itemOutput,
    });
  }
  remove(path: string) {
    return this.delete({ operation: "remove the item", path, output: expectEmpty() });
  }
  token(path: string) {
    return this.post({
      operation: "obtain a token",
      path,
      input: {
        schema: z.object({ grant_type: z.literal("client_credentials"), scope: z.string() }),
        value: { grant_type: "client_credentials", scope: "A B" },
        encoding: "form",
      },
      output: z.object({ ok: z.literal(true) }),
      idempotent: true,
    });
  }
}

let server: Awaited<ReturnType<typeof startScriptedServer>>;
const sleeps: number[] = [];
const deps: HttpDepsInput = {
  sleep: async (ms) => void sleeps.push(ms),
  random: () => 0.5,
  // Generous for a busy machine; only `/hang`, which never answers, gets the short timeout below.
  timeoutMs: 15_000,
};
const client = () => new VerbClient(server.url, deps);
/** For `/hang`: a short timeout is safe whatever the machine's speed, since nothing ever answers. */
const hangingClient = () => new VerbClient(server.url, { ...deps, timeoutMs: 300 });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable(),
    (e: unknown) => e as VendorError,
  );

beforeAll(async () => {
  server = await startScriptedServer({
    "/echo": (req, res) => {
      const body = req.body ? (JSON.parse(req.body) as { size?: number }) : {};
      json(res, req.method === "POST" ? 201 : 200, {
        id: `${req.method} ${req.headers["content-type"]}`,
        size: String(body.size ?? 7),
      });
    },
    "/empty": (_q, res) => res.writeHead(204).end(),
    "/form": (req, res) => json(res, 200, { ok: req.body === "grant_type=client_credentials&scope=A+B" }),
    "/shape": (_q, res) => json(res, 200, { id: 42 }),
    "/truncated": (_q, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"id":"'),
    "/html": (_q, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><p>login</p>"),
    "/hang": () => undefined,
    "/drop": (_q, res) => res.socket?.destroy(),
    "/busy": (_q, res) => json(res, 503, { message: "busy" }, { "retry-after": "3" }),
    "/refused": (_q, res) => json(res, 400, { message: "name taken" }),
  });
});
afterAll(() => server.close());

describe("verbs apply the schemas", () => {
  it("checks and transforms the input, sends it as JSON and parses the output", async () => {
    await expect(client().create("/echo", { name: "  a  " })).resolves.toEqual({
      id: "POST application/json",
      size: 1,
    });
    expect(JSON.parse(server.seen.at(-1)?.body ?? "")).toEqual({ name: "a", size: 1 });
    await expect(client().replace("/echo", { name: "b", size: 3 })).resolves.toEqual({
      id: "PUT application/json",
      size: 3,
    });
    await expect(client().amend("/echo", { name: "c", size: 4 })).resolves.toEqual({
      id: "PATCH application/json",
      size: 4,
    });
    await expect(client().readItem("/echo")).resolves.toEqual({ id: "GET undefined", size: 7 });
    await expect(client().remove("/empty")).resolves.toBeUndefined();
    expect(server.countOf("DELETE", "/empty")).toBe(1);
  });

  it("sends nothing when the input fails its schema", async () => {
    const before = server.seen.length;
    const error = await failure(client().create("/echo", { name: "   " }));
    expect(error).toMatchObject({
      kind: "validation",
      ambiguous: false,
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(server.seen.length).toBe(before);
  });

  it("encodes a form body", async () => {
    await expect(client().token("/form")).resolves.toEqual({ ok: true });
    expect(server.seen.at(-1)?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });
});

describe("a 2xx that fails its output schema", () => {
  it("is malformed-response for a read, not ambiguous, and not a base-URL problem", async () => {
    for (const path of ["/shape", "/truncated"]) {
      const error = await failure(client().readItem(path));
      expect(error).toMatchObject({ kind: "malformed-response", ambiguous: false, status: 200 });
      expect(error.userMessage).not.toMatch(/base URL/);
    }
  });

  it("is malformed-response and ambiguous for a write, sent once", async () => {
    const error = await failure(client().create("/shape", { name: "a" }));
    expect(error).toMatchObject({
      kind: "malformed-response",
      ambiguous: true,
      outcome: "unknown",
      retryable: false,
    });
    expect(error.userMessage).toMatch(/may have been applied/);
    expect(server.countOf("POST", "/shape")).toBe(1);
  });

  it("a web page is wrong-base-url, never malformed-response", async () => {
    const error = await failure(client().readItem("/html"));
    expect(error).toMatchObject({ kind: "wrong-base-url" });
    expect(error.userMessage).toMatch(/base URL/);
  });
});

describe("ambiguity: writes that may have been applied, and reads never", () => {
  it("a timed-out write is ambiguous, sent once, and says how long Trustdeck waited", async () => {
    const error = await failure(hangingClient().create("/hang", { name: "a" }));
    expect(error).toMatchObject({
      kind: "ambiguous-write",
      ambiguous: true,
      waitedMs: 300,
      outcome: "unknown",
    });
    expect(error.userMessage).toContain("did not answer within 300 ms");
    expect(server.countOf("POST", "/hang")).toBe(1);
  });

  it("a write whose connection is cut is ambiguous, sent once, and not called unreachable", async () => {
    for (const send of [() => client().replace("/drop", { name: "a" }), () => client().remove("/drop")]) {
      const error = await failure(send());
      expect(error).toMatchObject({ kind: "ambiguous-write", ambiguous: true });
      expect(error.userMessage).toMatch(/connection to 127\.0\.0\.1:\d+ was lost/);
      expect(error.userMessage).not.toMatch(/Could not reach/);
    }
    expect(server.countOf("PUT", "/drop")).toBe(1);
    expect(server.countOf("DELETE", "/drop")).toBe(1);
  });

  it("a write refused by the vendor is not ambiguous and not retried, even with Retry-After", async () => {
    for (const path of ["/busy", "/refused"]) {
      const error = await failure(client().create(path, { name: "a" }));
      expect(error).toMatchObject({ ambiguous: false, outcome: "not-applied" });
      expect(server.countOf("POST", path)).toBe(1);
    }
  });

  it("reads are never ambiguous: time-out, lost connection", async () => {
    const once = new VerbClient(server.url, { ...deps, retry: { maxAttempts: 1 } });
    const hangingOnce = new VerbClient(server.url, { ...deps, timeoutMs: 300, retry: { maxAttempts: 1 } });
    const timeout = await failure(hangingOnce.readItem("/hang"));
    expect(timeout).toMatchObject({ kind: "timeout", ambiguous: false, waitedMs: 300 });
    expect(timeout.userMessage).toContain("within 300 ms");
    const lost = await failure(once.readItem("/drop"));
    expect(lost).toMatchObject({ kind: "connection-lost", ambiguous: false });
    expect(lost.userMessage).not.toMatch(/Could not reach/);
  });

  it("a read is retried honouring Retry-After", async () => {
    sleeps.length = 0;
    const before = server.countOf("GET", "/busy");
    await expect(client().readItem("/busy")).rejects.toMatchObject({ kind: "unavailable", ambiguous: false });
    expect(server.countOf("GET", "/busy") - before).toBe(4);
    expect(sleeps).toEqual([3000, 3000, 3000]);
  });

  it("serialises ambiguous and waitedMs for the browser", async () => {
    const error = await failure(hangingClient().create("/hang", { name: "a" }));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ ambiguous: true, waitedMs: 300 });
    expect(JSON.stringify(error)).not.toContain("verb-secret");
  });
});
