import "@abraham/reflection";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionInputSchema } from "../../lib/connections/schemas";
import type { Sandbox } from "../server";
import { cloudflareCall } from "../cloudflare/testing";
import { startTestSandbox } from "../testing/harness";
import { uipathCall, uipathToken } from "../uipath/testing";
import { signedRequest } from "../huawei/test-signer";
import { demoConnections } from "./demo-connections";

const DAY = 86_400_000;
let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());

describe("demo connections", () => {
  it("each passes the dashboard's connectionInputSchema unchanged", () => {
    expect(sb.demo.length).toBeGreaterThanOrEqual(9);
    for (const conn of sb.demo) expect(connectionInputSchema.parse(conn)).toEqual(conn);
    expect(new Set(sb.demo.map((c) => c.vendor))).toEqual(new Set(["uipath", "cloudflare", "huawei"]));
    expect(sb.demo.some((c) => c.vendor === "huawei" && c.securityToken)).toBe(true);
  });

  it("is deterministic: the same IDs and secrets on every run", () => {
    expect(demoConnections(sb.urls)).toEqual(sb.demo);
    expect(demoConnections({ uipath: "a", cloudflare: "b", huawei: "c" }).map((c) => c.name)).toEqual(
      sb.demo.map((c) => c.name),
    );
  });

  it("every demo connection authenticates against the sandbox", async () => {
    for (const conn of sb.demo) {
      if (conn.vendor === "uipath") {
        const token = await uipathToken(sb, conn.organizationName as never);
        expect(
          (
            await uipathCall(
              sb,
              token,
              "GET",
              `/${conn.organizationName}/identity_/api/SamlCertificate/${conn.partitionGlobalId}/certificates`,
            )
          ).status,
        ).toBe(200);
      } else if (conn.vendor === "cloudflare") {
        expect(
          (
            await cloudflareCall(
              sb,
              conn.apiToken,
              `/accounts/${conn.accountId}/access/saml_certificates?per_page=1`,
            )
          ).status,
        ).toBe(200);
      } else {
        const creds = {
          accessKey: conn.accessKeyId,
          secretKey: conn.secretAccessKey,
          securityToken: conn.securityToken,
        };
        expect(
          (
            await signedRequest(
              `${conn.baseUrl}/v1/identity-stores/${conn.identityStoreId}/saml-certificates`,
              creds,
            )
          ).status,
        ).toBe(200);
      }
    }
  });
});

describe("demo data", () => {
  it("spreads certificate expiries over two years: expired, ≤7, ≤30, ≤60 days, later, and inactive ones", async () => {
    const now = Date.now();
    const expiries: number[] = [];
    let inactive = 0;
    for (const conn of sb.demo) {
      if (conn.vendor === "uipath") {
        const token = await uipathToken(sb, conn.organizationName as never);
        const pair = (
          await uipathCall(
            sb,
            token,
            "GET",
            `/${conn.organizationName}/identity_/api/SamlCertificate/${conn.partitionGlobalId}/certificates`,
          )
        ).json as Record<string, string | null>;
        for (const b64 of [pair.primaryCertificate, pair.secondaryCertificate])
          if (b64) expiries.push(new x509.X509Certificate(Buffer.from(b64, "base64")).notAfter.getTime());
      } else if (conn.vendor === "cloudflare") {
        const sets = (
          await cloudflareCall(
            sb,
            conn.apiToken,
            `/accounts/${conn.accountId}/access/saml_certificates?per_page=100`,
          )
        ).json as {
          result: Array<{
            current_certificate: { not_after: string };
            previous_certificate: { not_after: string } | null;
          }>;
        };
        for (const s of sets.result) {
          expiries.push(Date.parse(s.current_certificate.not_after));
          if (s.previous_certificate) expiries.push(Date.parse(s.previous_certificate.not_after));
        }
      } else {
        const creds = {
          accessKey: conn.accessKeyId,
          secretKey: conn.secretAccessKey,
          securityToken: conn.securityToken,
        };
        const sp = (
          await signedRequest(
            `${conn.baseUrl}/v1/identity-stores/${conn.identityStoreId}/saml-certificates`,
            creds,
          )
        ).json as Array<{ expiry_date: number; state: string }>;
        for (const c of sp) expiries.push(c.expiry_date);
        inactive += sp.filter((c) => c.state === "INACTIVE").length;
      }
    }
    const days = expiries.map((t) => (t - now) / DAY);
    expect(days.length).toBeGreaterThanOrEqual(60);
    expect(days.filter((d) => d < 0).length).toBeGreaterThanOrEqual(3);
    expect(days.filter((d) => d >= 0 && d <= 7).length).toBeGreaterThanOrEqual(3);
    expect(days.filter((d) => d > 7 && d <= 30).length).toBeGreaterThanOrEqual(3);
    expect(days.filter((d) => d > 30 && d <= 60).length).toBeGreaterThanOrEqual(3);
    expect(days.filter((d) => d > 365 && d <= 730).length).toBeGreaterThanOrEqual(3);
    expect(inactive).toBeGreaterThanOrEqual(3);
  });
});
