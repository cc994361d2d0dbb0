import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { InventoryCertificate, InventoryEmptySet } from "../types";
import { alertMessage, emptySetAlertMessage } from "./fire";
import { webhookBody } from "./webhook";

// The generic JSON body a webhook receiver gets, for both kinds of alert: a certificate reaching
// a threshold carries `certificate`, an empty set sign-in depends on carries `emptySet`. The
// shapes are pinned here, and the README's two examples must have exactly these fields.

const sentAt = new Date("2026-06-01T12:00:00.000Z");

const cert: InventoryCertificate = {
  key: "c/saml/ABCDEF",
  vendor: "uipath",
  connectionId: "c",
  connectionName: "Contoso",
  setId: "saml",
  setLabel: "SAML signing certificates of contoso",
  setHref: "/certificates/c/saml",
  slot: "primary",
  role: "signs-now",
  setBreaksAt: "2026-06-03T13:00:00.000Z",
  sha256: "ABCDEF0123456789".repeat(4),
  sha1: "AB".repeat(20),
  subject: "CN=idp.contoso.example",
  commonName: "idp.contoso.example",
  issuer: "CN=idp.contoso.example",
  serialNumber: "01",
  notBefore: "2025-01-01T00:00:00.000Z",
  notAfter: "2026-06-03T13:00:00.000Z",
  keyAlgorithm: "RSA",
  signatureAlgorithm: "sha256WithRSAEncryption",
  firstSeenAt: "2026-01-01T00:00:00.000Z",
  lastSeenAt: "2026-06-01T00:00:00.000Z",
};

const emptySet: InventoryEmptySet = {
  key: "h/idp:okta",
  vendor: "huawei",
  connectionId: "h",
  connectionName: "Store",
  setId: "idp:okta",
  setLabel: "Okta",
  setKind: "huawei-idp",
  setHref: "/certificates/h/idp%3Aokta",
  signInFails: true,
  firstSeenAt: "2026-06-01T00:00:00.000Z",
};

const body = (message: Parameters<typeof webhookBody>[1]) =>
  JSON.parse(webhookBody("json", message, sentAt)) as Record<string, unknown>;

/** Every key path of a JSON value (`certificate.sha256`), sorted. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value)
    .flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)])
    .sort();
}

/** The JSON examples of the README's "Alert webhooks" section, in order. */
function readmeExamples(): Record<string, unknown>[] {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const start = readme.indexOf("### Alert webhooks");
  const section = readme.slice(start, readme.indexOf("\n### ", start + 1));
  return [...section.matchAll(/```json\n([\s\S]*?)\n```/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

describe("the webhook's JSON body", () => {
  it("carries `certificate` for a certificate alert, with exactly these fields", () => {
    expect(body(alertMessage(cert, 7, sentAt))).toEqual({
      type: "trustdeck.alert",
      sentAt: sentAt.toISOString(),
      title: "Certificate expires within 7 days: idp.contoso.example",
      text: expect.stringContaining("(slot primary) expires in 2 days, on 2026-06-03 (UTC).") as string,
      href: "/certificates/c/saml",
      threshold: 7,
      certificate: {
        key: cert.key,
        vendor: "uipath",
        connectionId: "c",
        connectionName: "Contoso",
        setId: "saml",
        setLabel: cert.setLabel,
        slot: "primary",
        role: "signs-now",
        setBreaksAt: cert.setBreaksAt,
        sha256: cert.sha256,
        subject: cert.subject,
        notAfter: cert.notAfter,
        daysLeft: 2,
      },
    });
    const unknownRole = body(
      alertMessage({ ...cert, role: undefined, setBreaksAt: undefined }, "expired", sentAt),
    );
    expect(unknownRole.certificate).toMatchObject({ role: null, setBreaksAt: null });
    expect(unknownRole.threshold).toBe("expired");
  });

  it("carries `emptySet` (and no `certificate`) for an empty-set alert, with exactly these fields", () => {
    expect(body(emptySetAlertMessage(emptySet, "expired"))).toEqual({
      type: "trustdeck.alert",
      sentAt: sentAt.toISOString(),
      title: "No certificate installed: Okta",
      text: "Huawei Cloud IAM Identity Center · Store · Okta holds no certificate in any slot. Sign-in that depends on it fails until one is uploaded.",
      href: emptySet.setHref,
      threshold: "expired",
      emptySet: {
        key: emptySet.key,
        vendor: "huawei",
        connectionId: "h",
        connectionName: "Store",
        setId: "idp:okta",
        setLabel: "Okta",
        setKind: "huawei-idp",
        signInFails: true,
        firstSeenAt: emptySet.firstSeenAt,
      },
    });
  });

  it("is described field for field by the README's two examples", () => {
    const [certificateExample, emptySetExample, ...more] = readmeExamples();
    expect(more).toEqual([]);
    expect(keyPaths(certificateExample)).toEqual(keyPaths(body(alertMessage(cert, 7, sentAt))));
    expect(keyPaths(emptySetExample)).toEqual(keyPaths(body(emptySetAlertMessage(emptySet, "expired"))));
    expect(certificateExample!.type).toBe("trustdeck.alert");
    expect(emptySetExample!.type).toBe("trustdeck.alert");
  });
});
