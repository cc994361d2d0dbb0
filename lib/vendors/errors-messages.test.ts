import { describe, expect, it } from "vitest";

import { VENDOR_ERROR_KINDS, VendorError, type VendorErrorInit, type VendorErrorKind } from "./errors";

// Every kind of vendor failure has its own sentence; the Record makes a new kind without one a
// type error here.
const SENTENCES: Record<VendorErrorKind, { init?: Partial<VendorErrorInit>; says: RegExp }> = {
  auth: { says: /^Cloudflare Zero Trust Access rejected the connection's credentials\./ },
  "credentials-expired": {
    says: /credentials have expired at Cloudflare Zero Trust Access\. Create new ones/,
  },
  "clock-skew": { says: /this server's clock is wrong\. Fix the server's time \(NTP\)/ },
  permission: { says: /^The credentials work but are not allowed to list things\./ },
  "wrong-account": {
    says: /belong to another Cloudflare Zero Trust Access account than the one in the connection settings/,
  },
  "not-found": { says: /could not find what was asked for \(list things\)/ },
  validation: {
    init: { vendorMessage: "name taken" },
    says: /refused the request\. .*“name taken”.*Correct the input/,
  },
  "rate-limited": {
    init: { retryAfterSeconds: 300 },
    says: /limiting the rate of requests\. Try again in 5 minutes\./,
  },
  unavailable: { init: { status: 503 }, says: /temporarily unavailable \(HTTP 503\)/ },
  timeout: { init: { waitedMs: 15_000 }, says: /\(api\.example\.com\) did not answer within 15 seconds\./ },
  "malformed-response": { says: /answered the request to list things with data Trustdeck cannot read/ },
  "wrong-base-url": {
    says: /^https:\/\/api\.example\.com\/v4\/x answered with a web page or a redirect.*Check that the base URL/,
  },
  "ambiguous-write": {
    init: { waitedMs: 2500 },
    says: /did not answer within 2\.5 seconds after the request to list things was sent, so it may or may not have been applied/,
  },
  "connection-lost": {
    init: { vendorMessage: "connection reset" },
    says: /^The connection to api\.example\.com was cut before .* answered \(connection reset\)/,
  },
  network: { says: /^Could not reach api\.example\.com\./ },
  tls: { says: /^The secure \(TLS\) connection to api\.example\.com failed\./ },
};

const error = (kind: VendorErrorKind, init: Partial<VendorErrorInit> = {}) =>
  new VendorError({
    vendor: "cloudflare",
    kind,
    operation: "list things",
    url: "https://api.example.com/v4/x",
    ...init,
  });

describe("one sentence per vendor error kind", () => {
  it.each(VENDOR_ERROR_KINDS.map((kind) => [kind] as const))("%s", (kind) => {
    const { init, says } = SENTENCES[kind];
    expect(error(kind, init).userMessage).toMatch(says);
  });

  it("no two kinds share a sentence", () => {
    const messages = VENDOR_ERROR_KINDS.map((kind) => error(kind, SENTENCES[kind].init).userMessage);
    expect(new Set(messages).size).toBe(VENDOR_ERROR_KINDS.length);
  });

  it("a lost connection is never worded as unreachable, and a lost write names the loss", () => {
    expect(error("connection-lost").userMessage).not.toMatch(/Could not reach/);
    expect(error("ambiguous-write").userMessage).toMatch(
      /^The connection to api\.example\.com was lost after/,
    );
  });

  it("a malformed answer to a write says the change may have been applied", () => {
    const write = error("malformed-response", { ambiguous: true });
    expect(write).toMatchObject({ ambiguous: true });
    expect(write.userMessage).toMatch(/may have been applied\. Reload/);
  });

  it("time-outs say the wait in the unit that reads best", () => {
    expect(error("timeout", { waitedMs: 800 }).userMessage).toContain("within 800 ms");
    expect(error("timeout", { waitedMs: 1000 }).userMessage).toContain("within 1 second.");
    expect(error("timeout", { waitedMs: 45_000 }).userMessage).toContain("within 45 seconds");
  });

  it("ambiguous-write is always ambiguous, other kinds only when told", () => {
    expect(error("ambiguous-write", { ambiguous: false }).ambiguous).toBe(true);
    expect(error("timeout").ambiguous).toBe(false);
    expect(error("timeout").with({ kind: "ambiguous-write" }).ambiguous).toBe(true);
  });
});
