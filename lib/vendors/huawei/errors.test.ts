import { describe, expect, it } from "vitest";

// Identity stores of other accounts exist only in the sandbox's catalog.
import { HUAWEI_STORES } from "@/sandbox/huawei/catalog";
import type { VendorError } from "../errors";
import type { RawResponse } from "../http-response";
import { sandboxFixture, testHttp } from "../testing/sandbox-fixture";
import { createHuaweiAdapter } from "./adapter";
import { HuaweiClient } from "./client";
import { describeHuaweiError } from "./errors";

const sb = sandboxFixture();
const SP = /\/saml-certificates$/;

async function listFails(conn: Parameters<ReturnType<typeof createHuaweiAdapter>["listCertificateSets"]>[0]) {
  return createHuaweiAdapter({ http: testHttp() })
    .listCertificateSets(conn)
    .then(
      () => expect.unreachable(),
      (e: unknown) => e as VendorError,
    );
}

function gateway401(code: string, message: string): RawResponse {
  return {
    status: 401,
    headers: new Headers({ "content-type": "application/json", "x-request-id": "r" }),
    text: JSON.stringify({ error_code: code, error_msg: message, request_id: "r" }),
    url: "https://h/v1/x",
  };
}

describe("Huawei refusals, diagnosed against the sandbox", () => {
  it("expired temporary credentials are named as such, not a signature rejection", async () => {
    const conn = sb.conn("huawei", "temporary credentials");
    await sb.control.advance(25 * 3600_000); // valid 24 h from seeding
    const error = await listFails(conn);
    expect(error).toMatchObject({
      kind: "credentials-expired",
      status: 401,
      vendorCode: "APIGW.0301",
      retryable: false,
    });
    expect(error.userMessage).toMatch(/^The temporary access key and security token have expired/);
    expect(error.userMessage).not.toMatch(/rejected the AK\/SK signature/);
    // Our clock is 25 h behind the gateway's: one re-signed attempt after learning the offset, no more.
    expect(await sb.count("huawei", "GET", SP)).toBe(2);
  });

  it("an identity store of another account is wrong-account", async () => {
    const conn = { ...sb.conn("huawei", "Globex"), identityStoreId: HUAWEI_STORES.acmeSingapore.id };
    const error = await listFails(conn);
    expect(error).toMatchObject({ kind: "wrong-account", status: 404 });
    expect(error.userMessage).toMatch(/^The access key works, but its account has no identity store d-/);
  });

  it("a wrong secret key is a signature rejection", async () => {
    const error = await listFails({ ...sb.conn("huawei", "Singapore"), secretAccessKey: "x".repeat(40) });
    expect(error).toMatchObject({ kind: "auth", status: 401 });
    expect(error.userMessage).toMatch(/^Huawei Cloud rejected the AK\/SK signature\./);
  });
});

describe("Huawei write faults against the sandbox", () => {
  it("a malformed 2xx to a write is malformed-response and ambiguous, sent once", async () => {
    await sb.control.fault({
      method: "POST",
      path: "/v1/identity-stores/*/saml-certificates",
      kind: "malformed",
      count: 1,
    });
    const client = new HuaweiClient(sb.conn("huawei", "Singapore"), testHttp());
    const error = await client.createSpCertificate().then(
      () => expect.unreachable(),
      (e: unknown) => e as VendorError,
    );
    expect(error).toMatchObject({
      kind: "malformed-response",
      ambiguous: true,
      outcome: "unknown",
      status: 200,
    });
    expect(error.userMessage).toMatch(/may have been applied/);
    expect(await sb.count("huawei", "POST", SP)).toBe(1);
  });

  it("a lost answer to a write is ambiguous and never called unreachable", async () => {
    await sb.control.fault({
      method: "POST",
      path: "/v1/identity-stores/*/saml-certificates",
      kind: "lost-response",
      count: 1,
    });
    const client = new HuaweiClient(sb.conn("huawei", "Singapore"), testHttp());
    const error = await client.createSpCertificate().then(
      () => expect.unreachable(),
      (e: unknown) => e as VendorError,
    );
    expect(error).toMatchObject({ kind: "ambiguous-write", ambiguous: true, outcome: "unknown" });
    expect(error.userMessage).not.toMatch(/Could not reach/);
    expect(await sb.count("huawei", "POST", SP)).toBe(1);
    // The sandbox applied it: one more certificate than the seed's three.
    expect(await client.listSpCertificates()).toHaveLength(4);
  });
});

describe("Huawei gateway refusals, by message", () => {
  it("a stale clock is clock-skew", () => {
    const raw = gateway401(
      "APIGW.0301",
      "Incorrect IAM authentication information: calc aksk signature fail:signature expired, signature time:20211217T064303Z,server time:20211217T065804Z",
    );
    const details = describeHuaweiError(raw, { identityStoreId: "d-1" });
    expect(details).toMatchObject({ kind: "clock-skew" });
    expect(details.userMessage).toMatch(/clock differs from Huawei's by more than 15 minutes/);
  });

  it("APIGW.0307 is expired credentials only for temporary credentials", () => {
    const raw = gateway401("APIGW.0307", "The token must be updated.");
    expect(describeHuaweiError(raw, { identityStoreId: "d-1", temporaryCredentials: true })).toMatchObject({
      kind: "credentials-expired",
    });
    expect(describeHuaweiError(raw, { identityStoreId: "d-1" })).toMatchObject({ kind: "auth" });
  });

  it("security-token wordings of the gateway are recognised", () => {
    for (const message of [
      "Incorrect IAM authentication information: the temporary access key and security token have expired",
      "Incorrect IAM authentication information: security token expired",
      "Incorrect IAM authentication information: x-security-token has expired",
    ]) {
      expect(
        describeHuaweiError(gateway401("APIGW.0301", message), { identityStoreId: "d-1" }),
      ).toMatchObject({
        kind: "credentials-expired",
      });
    }
  });
});
