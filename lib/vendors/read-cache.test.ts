import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";

import { ReadCache } from "./read-cache";
import { abandonReadsOn, ReadAbandoned, readScopeSignal } from "./read-scope";
import { operationsFor, runCertificateAction } from "./registry";
import { FIXTURE_PEM, sandboxFixture } from "./testing/sandbox-fixture";

const sb = sandboxFixture();
const SAML_GET = /\/identity_\/api\/SamlCertificate\/[^/]+\/certificates$/;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("live-read cache", () => {
  it("shares one read in flight, serves it for its lifetime, then reads again", async () => {
    let now = 0;
    const cache = new ReadCache({ now: () => now, ttlMs: () => 5_000 });
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    const first = await Promise.all(Array.from({ length: 10 }, () => cache.read("c1", "sets", load)));
    expect(first).toEqual(Array(10).fill(1));
    now = 4_999;
    await expect(cache.read("c1", "sets", load)).resolves.toBe(1);
    await expect(cache.read("c1", "sets", load, "live")).resolves.toBe(2);
    await expect(cache.read("c1", "other", load)).resolves.toBe(3);
    await expect(cache.read("c2", "sets", load)).resolves.toBe(4);
    now = 4_999 + 5_000;
    await expect(cache.read("c1", "sets", load)).resolves.toBe(5);
  });

  it("stops a shared read only when every caller abandoned it; a caller outside any scope keeps it", async () => {
    const cache = new ReadCache({ now: () => 0, ttlMs: () => 60_000 });
    const started: AbortSignal[] = [];
    const answers: ReturnType<typeof deferred<string>>[] = [];
    const load = () => {
      started.push(readScopeSignal()!);
      answers.push(deferred<string>());
      return answers.at(-1)!.promise;
    };
    const [a, b] = [new AbortController(), new AbortController()];
    const first = abandonReadsOn(a.signal, () => cache.read("c1", "sets", load));
    const second = abandonReadsOn(b.signal, () => cache.read("c1", "sets", load));
    const kept = cache.read("c1", "sets", load); // outside any scope: its caller uses the answer
    a.abort(new ReadAbandoned());
    b.abort(new ReadAbandoned());
    expect(started).toHaveLength(1);
    expect(started[0]!.aborted).toBe(false);
    answers[0]!.resolve("sets");
    await expect(Promise.all([first, second, kept])).resolves.toEqual(["sets", "sets", "sets"]);

    const [c, d] = [new AbortController(), new AbortController()];
    const third = abandonReadsOn(c.signal, () => cache.read("c1", "other", load));
    const fourth = abandonReadsOn(d.signal, () => cache.read("c1", "other", load));
    c.abort(new ReadAbandoned());
    expect(started[1]!.aborted).toBe(false); // the fourth caller still waits
    d.abort(new ReadAbandoned());
    expect(started[1]!.aborted).toBe(true);
    expect(started[1]!.reason).toBeInstanceOf(ReadAbandoned);
    answers[1]!.reject(started[1]!.reason);
    await expect(third).rejects.toBeInstanceOf(ReadAbandoned);
    await expect(fourth).rejects.toBeInstanceOf(ReadAbandoned);
    // An abandoned read is neither kept nor joined: the next caller starts a new one.
    const fresh = cache.read("c1", "other", load);
    answers[2]!.resolve("again");
    await expect(fresh).resolves.toBe("again");
  });

  it("once a shared read has settled, its callers' scopes (which live on) are no longer listened to", async () => {
    const cache = new ReadCache({ now: () => 0, ttlMs: () => 60_000 });
    const answer = deferred<string>();
    const failure = deferred<string>();
    const scope = new AbortController();
    const reads = abandonReadsOn(scope.signal, () =>
      Promise.all([
        cache.read("c1", "sets", () => answer.promise),
        cache.read("c1", "sets", () => answer.promise),
        cache.read("c1", "apps", () => failure.promise).catch((e: unknown) => e),
      ]),
    );
    expect(getEventListeners(scope.signal, "abort").length).toBeGreaterThanOrEqual(3);
    answer.resolve("sets");
    failure.reject(new Error("503"));
    await reads;
    expect(getEventListeners(scope.signal, "abort")).toHaveLength(0);
  });

  it("keeps no failure, and a write detaches a read in flight so its answer is not kept", async () => {
    const cache = new ReadCache({ now: () => 0, ttlMs: () => 60_000 });
    await expect(cache.read("c1", "sets", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await expect(cache.read("c1", "sets", () => Promise.resolve("up"))).resolves.toBe("up");

    cache.invalidate("c1");
    const before = deferred<string>();
    const stale = cache.read("c1", "sets", () => before.promise);
    cache.invalidate("c1"); // a write starts while the read is on its way
    const fresh = cache.read("c1", "sets", () => Promise.resolve("after the write"));
    before.resolve("before the write");
    await expect(stale).resolves.toBe("before the write");
    await expect(fresh).resolves.toBe("after the write");
    await expect(cache.read("c1", "sets", () => Promise.resolve("again"))).resolves.toBe("after the write");
  });

  it("with a lifetime of 0 only shares reads in flight", async () => {
    const cache = new ReadCache({ now: () => 0, ttlMs: () => 0 });
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    await Promise.all([cache.read("c", "k", load), cache.read("c", "k", load)]);
    await cache.read("c", "k", load);
    expect(loads).toBe(2);
  });
});

describe("live-read cache against the sandbox", () => {
  it("20 concurrent set lists of one connection send one request; a write makes the next read go to the vendor", async () => {
    const conn = { ...sb.conn("uipath", "Contoso"), id: crypto.randomUUID() };
    const lists = await Promise.all(
      Array.from({ length: 20 }, () => operationsFor(conn).listCertificateSets()),
    );
    expect(new Set(lists.map((sets) => sets[0]?.slots[0]?.certificate?.sha256)).size).toBe(1);
    expect(await sb.count("uipath", "GET", SAML_GET)).toBe(1);

    const uploaded = await runCertificateAction(conn, {
      action: "upload-secondary",
      setId: "saml",
      certificate: FIXTURE_PEM,
    });
    const afterWrite = await sb.count("uipath", "GET", SAML_GET);
    const [set] = await operationsFor(conn).listCertificateSets();
    expect(await sb.count("uipath", "GET", SAML_GET)).toBe(afterWrite + 1);
    expect(set?.slots[1]?.certificate?.sha256).toBe(
      "slots" in uploaded ? uploaded.slots[1]?.certificate?.sha256 : undefined,
    );
  });

  it("a live read is never answered from the cache but still joins a read in flight", async () => {
    const conn = { ...sb.conn("cloudflare", ""), id: crypto.randomUUID() };
    const sets = /\/access\/saml_certificates$/;
    await Promise.all([
      operationsFor(conn).listCertificateSets(),
      operationsFor(conn, "live").listCertificateSets(),
    ]);
    expect(await sb.count("cloudflare", "GET", sets)).toBe(1);
    await operationsFor(conn, "live").listCertificateSets();
    expect(await sb.count("cloudflare", "GET", sets)).toBe(2);
  });
});
