import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { readFixture, readFixtureText } from "@/lib/x509/fixtures/read-fixtures";
import { summarizeCertificatePem } from "@/lib/x509/summary";
import { CertificateInput } from "./certificate-input";
import { CertificatePreview } from "./certificate-preview";
import { inspectCertificateInput } from "./inspect-certificate";

const NOW = new Date("2026-06-01T00:00:00Z");
// <wbr> (a line-break opportunity after a name's separators) is not a word boundary.
const text = (html: string) =>
  html
    .replace(/<wbr\/?>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("CertificatePreview", () => {
  it("shows identity, validity with days left, key, signature, thumbprints and extensions", async () => {
    const summary = await summarizeCertificatePem(readFixtureText("rsa2048.pem"));
    const html = renderToStaticMarkup(
      createElement(CertificatePreview, { summary, now: NOW, headingLevel: 2 }),
    );
    const shown = text(html);
    expect(text(/<h2[^>]*>(.*?)<\/h2>/.exec(html)![1]!).trim()).toBe("idp.example.com");
    expect(html).toMatch(/<h3[^>]*>Findings<\/h3>/);
    expect(shown).toContain("CN=idp.example.com,O=Example\\, Inc.,C=DE");
    expect(shown).toContain("2025-01-01 to 2035-01-01");
    expect(shown).toContain("Expires in 3136 days");
    expect(shown).toContain("RSA 2048-bit");
    expect(shown).toContain("RSA with SHA-256 (sha256WithRSAEncryption)");
    expect(shown).toContain(summary.sha256.match(/../g)!.join(":"));
    expect(shown).toContain("DNS:idp.example.com");
    expect(shown).toContain("Digital signature");
    expect(shown).toContain("TLS server");
    expect(shown).toContain("Not a CA");
    expect(shown).toContain("Info Self-signed");
    expect(html).toContain('aria-pressed="true"');
  });

  it("writes the severity of each finding as text", async () => {
    const summary = await summarizeCertificatePem(readFixtureText("expired.pem"));
    const shown = text(renderToStaticMarkup(createElement(CertificatePreview, { summary, now: NOW })));
    expect(shown).toContain("Critical Expired on 2021-01-01");
    expect(shown).toMatch(/Expired Expired \d+ days ago/);
    // The preview shows a certificate about to be uploaded: its role is unknown, so no outage is claimed.
    expect(shown).toContain("once installed nothing could rely on it");
    expect(shown).not.toContain("sign-in that relies on it fails");
  });

  it("shows the chain of a bundle with its links", async () => {
    const result = await inspectCertificateInput(readFixture("bundle-gap.pem"));
    if (!result.ok) throw new Error(result.error.message);
    const shown = text(
      renderToStaticMarkup(
        createElement(CertificatePreview, { summary: result.summary, chain: result.chain, now: NOW }),
      ),
    );
    expect(shown).toContain("Chain");
    expect(shown).toContain("Its issuer is not in the file.");
    expect(shown).toContain("Gap The issuer of “sso.example.org”");
    expect(shown).toContain("One more certificate in the file is not part of this chain.");
  });
});

describe("CertificateInput", () => {
  it("renders the drop zone's file input for tests and a labelled paste box without a form name", () => {
    const html = renderToStaticMarkup(
      createElement(CertificateInput, { onChange: () => {}, name: "certificate" }),
    );
    expect(html).toContain('data-testid="dropzone-input"');
    expect(html).toContain("Choose a file");
    expect(html).toMatch(/<label[^>]*for="([^"]+)-paste"/);
    expect(html).toMatch(/<textarea(?![^>]*name=)/);
    expect(html).toContain('<input type="hidden" name="certificate" value=""/>');
    expect(html).toContain("up to 256 KB");
  });
});
