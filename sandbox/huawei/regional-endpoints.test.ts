import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { startTestSandbox } from "../testing/harness";
import { HUAWEI_CREDENTIALS, HUAWEI_STORES } from "./catalog";
import { signedRequest } from "./test-signer";

// Each region's Identity Store endpoint (identitystore.{region}.myhuaweicloud.com) is the path
// prefix /{region}: it knows only that region's stores; the root serves every region.
const mgmt = HUAWEI_CREDENTIALS.acmeManagement;
const singapore = HUAWEI_STORES.acmeSingapore;
const beijing = HUAWEI_STORES.acmeBeijing;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());

const sp = (prefix: string, store: string) =>
  `${sb.urls.huawei}${prefix}/v1/identity-stores/${store}/saml-certificates`;

describe("Huawei regional Identity Store endpoints", () => {
  it("serves a store at its own region's endpoint, signed over the full path", async () => {
    expect(singapore.region).toBe("ap-southeast-1");
    const res = await signedRequest(sp("/ap-southeast-1", singapore.id), mgmt);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json)).toBe(true);
  });

  it("answers 404 IIC.404 for a store of another region, and keeps serving every store at the root", async () => {
    expect(beijing.region).toBe("cn-north-4");
    const elsewhere = await signedRequest(
      sp("/ap-southeast-1", beijing.id),
      HUAWEI_CREDENTIALS.acmeManagement,
    );
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.json).toMatchObject({ error_code: "IIC.404" });
    expect((await signedRequest(sp("", beijing.id), mgmt)).status).toBe(200);
    expect((await signedRequest(sp("", singapore.id), mgmt)).status).toBe(200);
  });

  it("puts a regional endpoint behind the same AK/SK gateway", async () => {
    const unsigned = await fetch(sp("/ap-southeast-1", singapore.id));
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error_code: "APIGW.0301" });
  });

  it("has no API under a prefix that is not a region", async () => {
    const res = await signedRequest(sp("/not-a-region", singapore.id), mgmt);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error_code: "APIGW.0101" });
  });
});
