import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { allCertificateFindings } from "@/lib/certificates/findings";
import { expiryPhrase, formatUtcDate } from "@/lib/time/format";
import { certificateFindings, expiryStatus, type ExpiryStatus, type Finding } from "@/lib/x509/findings";
import type { CertificateImpact } from "@/lib/certificates/breaks-at";
import { findingsForImpact } from "@/lib/certificates/finding-impact";
import { validityLimitOf, type Vendor } from "@/lib/vendors/descriptors";
import type { CertificateSummary } from "@/lib/x509/summary";
import { CertificateChain } from "./certificate-chain";
import { CertificateFindings } from "./certificate-findings";
import type { ChainView } from "./inspect-certificate";
import { ThumbprintField } from "./thumbprint-field";
import { VisibleText } from "@/components/ui/visible-text";

export interface CertificatePreviewProps {
  summary: CertificateSummary;
  /** The bundle's chain, when the input held more than the certificate itself. */
  chain?: ChainView;
  /**
   * Findings to show; when omitted, computed from `impact` for a vendor's certificate, or else as
   * for a certificate about to be uploaded.
   */
  findings?: Finding[];
  /**
   * A vendor certificate's impact on sign-in (its slot's status and the vendor's reason): its own
   * findings (vendor lifetime limit applied) are then worded for that impact, housekeeping as such.
   */
  impact?: { status: CertificateImpact | "empty"; roleExplanation?: string };
  /** The target vendor, whose certificate-lifetime limit applies. */
  vendor?: Vendor;
  /** Overrides the vendor's lifetime limit. */
  maxValidityDays?: number;
  /** SHA-256 thumbprints already in the target set, to flag duplicates. */
  existingSha256?: string[];
  /** Reference time; pass the server's when rendering on the server, to avoid hydration drift. */
  now?: Date;
  title?: string;
  /** Level of the title heading; section headings use the next level. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

const STATUS: Record<ExpiryStatus, { label: string; tone: BadgeTone }> = {
  expired: { label: "Expired", tone: "danger" },
  lt7: { label: "Expires within 7 days", tone: "danger" },
  lt30: { label: "Expires within 30 days", tone: "warning" },
  lt60: { label: "Expires within 60 days", tone: "info" },
  ok: { label: "Valid", tone: "ok" },
};

const KEY_USAGE_NAMES: Record<string, string> = {
  digitalSignature: "Digital signature",
  nonRepudiation: "Non-repudiation",
  keyEncipherment: "Key encipherment",
  dataEncipherment: "Data encipherment",
  keyAgreement: "Key agreement",
  keyCertSign: "Certificate signing",
  cRLSign: "CRL signing",
  encipherOnly: "Encipher only",
  decipherOnly: "Decipher only",
};

const EXTENDED_KEY_USAGE_NAMES: Record<string, string> = {
  serverAuth: "TLS server",
  clientAuth: "TLS client",
  codeSigning: "Code signing",
  emailProtection: "Email",
  timeStamping: "Time stamping",
  OCSPSigning: "OCSP signing",
};

function describeKey(summary: CertificateSummary): string {
  if (summary.curve)
    return `${summary.keyAlgorithm} ${summary.curve}${summary.keySize ? ` (${summary.keySize}-bit)` : ""}`;
  return summary.keySize ? `${summary.keyAlgorithm} ${summary.keySize}-bit` : summary.keyAlgorithm;
}

function describeBasicConstraints(summary: CertificateSummary): string {
  const constraints = summary.basicConstraints;
  if (!constraints) return "Not present";
  if (!constraints.ca) return "Not a CA";
  return constraints.pathLength === undefined
    ? "CA"
    : `CA, at most ${constraints.pathLength} intermediate${constraints.pathLength === 1 ? "" : "s"} below`;
}

function Validity({ summary, now }: { summary: CertificateSummary; now: Date }) {
  const notYetValid = Date.parse(summary.notBefore) > now.getTime();
  const status = notYetValid
    ? { label: "Not yet valid", tone: "warning" as const }
    : STATUS[expiryStatus(summary.notAfter, now)];
  const phrase = expiryPhrase(summary.notAfter, now);
  return (
    <div className="space-y-1">
      <p>
        <time dateTime={summary.notBefore}>{formatUtcDate(summary.notBefore)}</time> to{" "}
        <time dateTime={summary.notAfter}>{formatUtcDate(summary.notAfter)}</time>{" "}
        <span className="text-zinc-500 dark:text-zinc-400">(UTC)</span>
      </p>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={status.tone}>{status.label}</Badge>
        <span>{phrase.charAt(0).toUpperCase() + phrase.slice(1)}</span>
      </p>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[11rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      {/* Algorithm names, OIDs and names are long words: they wrap rather than widen the page. */}
      <dd className="min-w-0 text-sm wrap-anywhere text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

function List({ items, empty, names }: { items: string[]; empty: string; names?: Record<string, string> }) {
  if (items.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">{empty}</span>;
  return (
    <ul className="space-y-0.5">
      {items.map((item) => (
        <li key={item} className="break-all">
          {names?.[item] ?? item}
        </li>
      ))}
    </ul>
  );
}

/**
 * Everything about one certificate at a glance: identity, validity with days left, key and
 * signature, thumbprints, extensions, the chain, and findings. Works with a summary from the
 * browser (upload preview) or from the server (vendor certificates).
 */
export function CertificatePreview(props: CertificatePreviewProps) {
  const { summary, chain, headingLevel = 3, className } = props;
  const now = props.now ?? new Date();
  const findings =
    props.findings ??
    (props.impact
      ? findingsForImpact(
          certificateFindings(summary, { now, ...(props.vendor ? validityLimitOf(props.vendor) : {}) }),
          props.impact.status,
          props.impact.roleExplanation,
        )
      : null) ??
    // Without findings or an impact from the caller, this previews a certificate about to be uploaded.
    allCertificateFindings(summary, {
      now,
      use: "upload",
      ...(props.vendor ? validityLimitOf(props.vendor) : {}),
      ...(props.maxValidityDays !== undefined ? { maxValidityDays: props.maxValidityDays } : {}),
      existingSha256: props.existingSha256,
    });
  const Title = `h${headingLevel}` as "h2" | "h3" | "h4";
  const Section = `h${headingLevel + 1}` as "h3" | "h4" | "h5";
  const sectionClass = "mt-5 mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100";

  return (
    <article
      className={cn(
        "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900",
        className,
      )}
      aria-label={props.title ?? "Certificate details"}
    >
      <Title className="text-base font-semibold break-words text-zinc-900 dark:text-zinc-50">
        <VisibleText text={props.title ?? summary.commonName ?? summary.subject} />
      </Title>

      <Section className={sectionClass}>Findings</Section>
      <CertificateFindings findings={findings} />

      <Section className={sectionClass}>Details</Section>
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Row label="Subject">
          <span className="break-all">
            <VisibleText text={summary.subject} />
          </span>
        </Row>
        <Row label="Issuer">
          <span className="break-all">
            <VisibleText text={summary.issuer} />
          </span>
          {summary.selfSigned ? (
            <span className="text-zinc-500 dark:text-zinc-400"> (self-signed)</span>
          ) : null}
        </Row>
        <Row label="Validity">
          <Validity summary={summary} now={now} />
        </Row>
        <Row label="Serial number">
          <code className="font-mono text-xs break-all">{summary.serialNumber}</code>
        </Row>
        <Row label="Version">v{summary.version}</Row>
        <Row label="Public key">{describeKey(summary)}</Row>
        <Row label="Signature algorithm">
          {summary.signatureAlgorithmName}
          {summary.signatureAlgorithmName !== summary.signatureAlgorithm ? (
            <span className="text-zinc-500 dark:text-zinc-400"> ({summary.signatureAlgorithm})</span>
          ) : null}
        </Row>
        <Row label="Thumbprints">
          <ThumbprintField
            thumbprints={[
              { label: "SHA-256", hex: summary.sha256 },
              { label: "SHA-1", hex: summary.sha1 },
            ]}
          />
        </Row>
        <Row label="Subject alternative names">
          <List items={summary.subjectAltNames} empty="None" />
        </Row>
        <Row label="Key usage">
          <List items={summary.keyUsage} empty="Not restricted" names={KEY_USAGE_NAMES} />
        </Row>
        <Row label="Extended key usage">
          <List items={summary.extendedKeyUsage} empty="Not restricted" names={EXTENDED_KEY_USAGE_NAMES} />
        </Row>
        <Row label="Basic constraints">{describeBasicConstraints(summary)}</Row>
      </dl>

      {chain && chain.entries.length > 0 ? (
        <>
          <Section className={sectionClass}>Chain</Section>
          <CertificateChain chain={chain} />
        </>
      ) : null}
    </article>
  );
}
