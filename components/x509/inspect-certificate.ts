// Runs in the certificate input's Web Worker (inspect.worker.ts), or in the page where workers are
// unavailable. Everything here runs in the browser; nothing is sent anywhere.
import { orderCertificateChain, type IssuerLink } from "@/lib/x509/chain";
import { decodeCertificates } from "@/lib/x509/decode";
import type { X509Error } from "@/lib/x509/errors";
import type { SignatureCheck } from "@/lib/x509/signature";
import { summarizeCertificate, type CertificateSummary } from "@/lib/x509/summary";

const LINK_CHECKS: Partial<Record<IssuerLink, SignatureCheck>> = {
  verified: "verified",
  unchecked: "not-checked",
  invalid: "failed",
};

/** A chain as the preview shows it: summaries only, plain JSON. */
export interface ChainView {
  entries: Array<{ summary: CertificateSummary; issuer: IssuerLink }>;
  /** Sentences, one per missing issuer. */
  gaps: string[];
  complete: boolean;
  /** Certificates in the input that are not on the leaf's path. */
  unrelated: number;
  /** Exact repeats in the input. */
  duplicates: number;
}

export type Inspection =
  | {
      ok: true;
      /** The leaf: the one certificate the form will submit. */
      pem: string;
      summary: CertificateSummary;
      chain: ChainView;
      /** How many certificates the input held (a bundle may hold several). */
      certificateCount: number;
    }
  | { ok: false; error: X509Error };

/**
 * Decodes pasted text or file bytes, orders any bundle into a chain and summarises every
 * certificate. The leaf is what gets submitted; the rest is shown for context.
 */
export async function inspectCertificateInput(
  input: string | Uint8Array,
  options: { maxBytes?: number } = {},
): Promise<Inspection> {
  const decoded = decodeCertificates(input, options);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const chain = await orderCertificateChain(decoded.certificates);
  const summaries = await Promise.all(
    chain.entries.map(async (entry) => {
      const summary = await summarizeCertificate(entry.certificate);
      // A bundle's issuer lets the signature be checked; the summary (and its findings) says how it went.
      const check = LINK_CHECKS[entry.issuer];
      if (check) summary.signatureCheck = check;
      return summary;
    }),
  );
  const leaf = summaries[0]!;
  return {
    ok: true,
    pem: leaf.pem,
    summary: leaf,
    certificateCount: decoded.certificates.length,
    chain: {
      entries: chain.entries.map((entry, index) => ({ summary: summaries[index]!, issuer: entry.issuer })),
      gaps: chain.gaps.map((gap) => gap.message),
      complete: chain.complete,
      unrelated: chain.unrelated.length,
      duplicates: chain.duplicates.length,
    },
  };
}
