// Every stored or forwarded string of every input schema has a server-side length limit whose
// message names the field, and a body of the wrong shape is refused (never throws).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { connectionInputSchema, connectionUpdateSchema } from "@/lib/connections/schemas";
import { createUserSchema, signInSchema } from "@/lib/users/schemas";
import { certificateActionSchema } from "@/lib/certificates/schemas";
import {
  checkIssuerSchema,
  createCredentialSchema,
  deleteCredentialSchema,
  exchangeTestSchema,
  issuerKeysSchema,
  templateInputSchema,
  updateCredentialSchema,
} from "@/lib/federated/schemas";
import { certificateUploadInputSchema, pemCertificateInputSchema } from "@/lib/vendors/inputs";
import { alertRuleInputSchema } from "@/lib/inventory/alerts/schemas";
import { auditFilterSchema } from "@/lib/audit/schemas";

const uuid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

const SAMPLES: [string, z.ZodType, Record<string, unknown>][] = [
  [
    "uipath connection",
    connectionInputSchema,
    {
      vendor: "uipath",
      name: "Prod",
      baseUrl: "https://cloud.uipath.com",
      organizationName: "contoso",
      partitionGlobalId: uuid,
      clientId: "app-id",
      scopes: "PM.AuthSetting",
      clientSecret: "s",
    },
  ],
  [
    "cloudflare connection",
    connectionInputSchema,
    {
      vendor: "cloudflare",
      name: "Prod",
      baseUrl: "https://api.cloudflare.com/client/v4",
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "t",
    },
  ],
  [
    "huawei connection",
    connectionUpdateSchema,
    {
      id: uuid,
      vendor: "huawei",
      name: "Prod",
      baseUrl: "https://identitycenter.example.com",
      region: "ap-southeast-1",
      identityStoreId: "d-1234567890",
      accessKeyId: "ABCDEFGHIJKLMNOP",
      secretAccessKey: "s",
      securityToken: "t",
    },
  ],
  [
    "user",
    createUserSchema,
    { username: "alice", displayName: "Alice", role: "admin", password: "a-long-password" },
  ],
  ["sign-in", signInSchema, { username: "alice", password: "p" }],
  ["upload", certificateActionSchema, { action: "upload-primary", connectionId: uuid, setId: "s", pem: PEM }],
  [
    "delete",
    certificateActionSchema,
    { action: "delete-certificate", connectionId: uuid, setId: "s", certificateId: "c" },
  ],
  [
    "credential",
    createCredentialSchema,
    {
      connectionId: uuid,
      clientId: "app",
      name: "ci",
      description: "d",
      issuer: "https://token.actions.githubusercontent.com",
      audience: "aud",
      subject: "repo:contoso/robots:ref:refs/heads/main",
    },
  ],
  [
    "credential update",
    updateCredentialSchema,
    {
      connectionId: uuid,
      clientId: "app",
      credentialId: "c1",
      name: "ci",
      issuer: "https://issuer.example.com",
      audience: "aud",
      subject: "sub",
    },
  ],
  ["credential delete", deleteCredentialSchema, { connectionId: uuid, clientId: "app", credentialId: "c1" }],
  ["check issuer", checkIssuerSchema, { issuer: "https://issuer.example.com" }],
  [
    "issuer keys",
    issuerKeysSchema,
    { connectionId: uuid, clientId: "app", issuer: "https://issuer.example.com" },
  ],
  [
    "exchange",
    exchangeTestSchema,
    { connectionId: uuid, clientId: "app", assertion: JWT, scope: "OR.Robots" },
  ],
  [
    "github template",
    templateInputSchema,
    {
      kind: "github-actions",
      issuer: "https://token.actions.githubusercontent.com",
      owner: "contoso",
      repo: "robots",
      filter: "branch",
      value: "main",
    },
  ],
  [
    "gitlab template",
    templateInputSchema,
    { kind: "gitlab-ci", issuer: "https://gitlab.com", projectPath: "g/p", refType: "tag", ref: "v1" },
  ],
  [
    "k8s template",
    templateInputSchema,
    { kind: "kubernetes", issuer: "https://k8s.example.com", namespace: "batch", serviceAccount: "runner" },
  ],
  ["pem", pemCertificateInputSchema, { pem: PEM }],
  ["certificate upload", certificateUploadInputSchema, { certificate: PEM }],
  [
    "alert rule",
    alertRuleInputSchema,
    {
      name: "r",
      thresholds: [7],
      channel: "webhook",
      webhookUrl: "https://hooks.example.com/x",
      webhookSecret: "s",
      scopeConnectionId: uuid,
      scopeSetId: "set",
    },
  ],
];

const HUGE = "a".repeat(900_000);
const NAMES_A_LIMIT = /at most|too long|or fewer|larger than|too large|characters|KB/i;

describe("length limits", () => {
  it.each(SAMPLES)("the %s sample is valid", (_name, schema, sample) => {
    const parsed = schema.safeParse(sample);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  const fields = SAMPLES.flatMap(([name, schema, sample]) =>
    Object.entries(sample)
      .filter(
        ([key, value]) =>
          typeof value === "string" &&
          !["vendor", "action", "kind", "role", "filter", "refType", "channel"].includes(key) &&
          key !== "connectionId" &&
          key !== "id" &&
          key !== "scopeConnectionId" &&
          key !== "partitionGlobalId",
      )
      .map(([key]) => [name, key, schema, sample] as const),
  );

  it.each(fields)(
    "%s: a 900 KB %s is refused with a message about its length",
    (_name, key, schema, sample) => {
      const parsed = schema.safeParse({ ...sample, [key]: HUGE });
      expect(parsed.success).toBe(false);
      const messages = parsed
        .error!.issues.filter((issue) => issue.path[0] === key)
        .map((issue) => issue.message);
      expect(
        messages.some((message) => NAMES_A_LIMIT.test(message)),
        messages.join(" | "),
      ).toBe(true);
    },
  );
});

describe("wrong shapes", () => {
  const schemas = [...new Set(SAMPLES.map(([, schema]) => schema)), auditFilterSchema];
  it("never throw: arrays, scalars, nested junk and prototype keys are refused or dropped", () => {
    for (const schema of schemas)
      fc.assert(
        fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (value) => {
          expect(() => schema.safeParse(value)).not.toThrow();
        }),
        { numRuns: 200 },
      );
  });

  it("the audit filters drop a repeated or over-long parameter instead of failing the page", () => {
    expect(
      auditFilterSchema.parse({ actor: ["a", "b"], action: "x".repeat(300), target: "ok" }),
    ).toMatchObject({
      actor: undefined,
      action: undefined,
      target: "ok",
    });
  });
});
