import { readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";

import { startSandbox, type Sandbox } from "@/sandbox/server";
import { connectionInputSchema, type Vendor } from "@/lib/connections/schemas";
import type { HttpDepsInput } from "../http";
import { SlidingWindowLimiter, type LimiterClock } from "../rate-budget-limiter";
import type { ConnectionFor, VendorConnection } from "../model";

/** A valid RSA-2048 certificate (until 2035) from the x509 fixture corpus, for uploads and imports. */
export const FIXTURE_PEM = readFileSync(join(__dirname, "../../x509/fixtures/rsa2048.pem"), "utf8");

/**
 * The client timeout for tests against a sandbox route that never answers (a `timeout` fault that
 * holds the request longer than this): short, and safe on a slow machine, since nothing answers.
 */
export const HANGING_ROUTE_TIMEOUT_MS = 1_000;

/**
 * HTTP settings for tests: sleeps recorded instead of waited, and a per-attempt timeout generous
 * enough for a busy machine (the sandbox generates RSA keys on some writes). Only tests against a
 * route that never answers pass `HANGING_ROUTE_TIMEOUT_MS`. The rate budget is the adapter's own,
 * on a clock that skips the recorded sleeps (a 429's hold is over once its Retry-After was "slept").
 */
const testLimiters: SlidingWindowLimiter[] = [];

/**
 * Start every test limiter's windows afresh, as `sb.control.reset()` does for the simulated
 * vendor's own rate windows (tests that run many writes in a loop call both).
 */
export function forgetTestRateWindows(): void {
  for (const limiter of testLimiters) limiter.forgetWindows();
}

export function testHttp(sleeps: number[] = [], maxAttempts = 4, timeoutMs = 15_000): HttpDepsInput {
  let skippedMs = 0;
  const clock: LimiterClock = {
    now: () => Date.now() + skippedMs,
    setTimer: (ms, fn) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
  };
  return {
    timeoutMs,
    sleep: async (ms) => {
      sleeps.push(ms);
      skippedMs += ms;
    },
    retry: { baseDelayMs: 5, maxAttempts },
    limiter: remember(new SlidingWindowLimiter(clock)),
  };
}

function remember(limiter: SlidingWindowLimiter): SlidingWindowLimiter {
  testLimiters.push(limiter);
  return limiter;
}

/**
 * Names the sandbox's vendor hosts (host:port, exactly) in TRUSTDECK_CUSTOM_VENDOR_HOSTS, as the
 * demo and the e2e server do: without it, connections to the sandbox are refused when saved and
 * before any request. Returns the function that restores the previous setting.
 */
export function allowSandboxHosts(sandbox: Pick<Sandbox, "urls">): () => void {
  const previous = process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS;
  process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = Object.entries(sandbox.urls)
    .filter(([service]) => service !== "issuers")
    .map(([, url]) => new URL(String(url)).host)
    .join(",");
  return () => {
    if (previous === undefined) delete process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS;
    else process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = previous;
  };
}

/**
 * Starts one sandbox for a test file (ephemeral ports, control plane on), resets it before each
 * test, and hands out its demo connections. Test support only: nothing in lib/ imports this.
 */
export function sandboxFixture() {
  let sandbox: Sandbox | undefined;
  let restoreHosts: (() => void) | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({
      ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 },
      control: true,
    });
    restoreHosts = allowSandboxHosts(sandbox);
  });
  afterAll(async () => {
    restoreHosts?.();
    await sandbox?.stop();
  });
  beforeEach(async () => {
    await sandbox?.control.reset();
  });
  const get = (): Sandbox => {
    if (!sandbox) throw new Error("the sandbox is not started (use inside tests)");
    return sandbox;
  };
  return {
    get sandbox() {
      return get();
    },
    get control() {
      return get().control;
    },
    /** A demo connection of `vendor` whose name contains `name`, with an id. */
    conn<V extends Vendor>(vendor: V, name: string): ConnectionFor<V> {
      const index = get().demo.findIndex((d) => d.vendor === vendor && d.name.includes(name));
      // Parsing with the dashboard's schema also checks that the sandbox's demo data fits it.
      const conn: VendorConnection = {
        id: `${vendor}-${index}`,
        ...connectionInputSchema.parse(get().demo[index]),
      };
      if (!isOf(vendor, conn)) throw new Error(`no ${vendor} demo connection named ${name}`);
      return conn;
    },
    /** Mints a JWT at one of the sandbox's HTTPS issuers (trusting its local CA). */
    mint(issuerUrl: string, claims: Record<string, unknown>): Promise<string> {
      return mintJwt(issuerUrl, claims, get().caPem);
    },
    /** How many requests the sandbox saw for a method and a path pattern. */
    async count(service: Vendor, method: string, path: RegExp): Promise<number> {
      return (await get().control.requests(service)).filter((r) => r.method === method && path.test(r.path))
        .length;
    },
  };
}

function isOf<V extends Vendor>(vendor: V, conn: VendorConnection): conn is ConnectionFor<V> {
  return conn.vendor === vendor;
}

function mintJwt(issuerUrl: string, claims: Record<string, unknown>, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${issuerUrl}/mint`,
      { method: "POST", ca, headers: { "content-type": "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          if (typeof body === "object" && body !== null && "token" in body && typeof body.token === "string")
            resolve(body.token);
          else reject(new Error(`mint failed: ${res.statusCode}`));
        });
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(claims));
  });
}
