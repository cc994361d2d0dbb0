import { parseCertificateDer, type DecodeResult, type ParsedCertificate } from "./certificate";
import { classifyDer } from "./classify";
import { DerError, readTlv } from "./der";
import { describeBinary } from "./describe";
import { x509Error, type X509Error } from "./errors";
import { readPkcs7Certificates } from "./pkcs7";

const TRAILING_PADDING = new Set([0x00, 0x09, 0x0a, 0x0d, 0x20]);

/** Where DER bytes came from, so refusals can name the place ("block 2", "the file"). */
export type DerSource =
  { kind: "file" } | { kind: "base64" } | { kind: "pem"; label: string; position: string };

function where(source: DerSource): string {
  if (source.kind === "pem") return `The ${source.label} block${source.position}`;
  return source.kind === "base64" ? "The base64 text" : "The file";
}

/** Refusal for bytes whose kind we recognised but which are not certificates. */
export function refuseKind(kind: ReturnType<typeof classifyDer>): X509Error | undefined {
  switch (kind.kind) {
    case "private-key":
      return privateKeyError(kind.description, false);
    case "pkcs12":
      return x509Error(
        "ERR_PKCS12",
        "This is a PKCS#12 file (.pfx / .p12), which normally holds a private key together with the certificate, so it was not uploaded. Export the certificate alone, for example with `openssl pkcs12 -in file.pfx -nokeys -clcerts -out certificate.pem`.",
      );
    case "csr":
      return x509Error(
        "ERR_CSR",
        "This is a certificate signing request (CSR), not a certificate. Send it to your certificate authority and upload the certificate it returns.",
      );
    case "public-key":
      return x509Error(
        "ERR_PUBLIC_KEY",
        `This is ${kind.description}, not a certificate. A certificate wraps the public key with a subject, an issuer and a validity period; upload the certificate instead.`,
      );
    case "crl":
      return x509Error(
        "ERR_NOT_CERTIFICATE",
        "This is a certificate revocation list (CRL), not a certificate.",
      );
    case "other":
      return x509Error("ERR_NOT_CERTIFICATE", `This is not a certificate: it is ${kind.description}.`);
    default:
      return undefined;
  }
}

/** The one sentence for every private key, wherever it was found. */
export function privateKeyError(what: string, besideCertificate: boolean): X509Error {
  const found = besideCertificate ? `This contains ${what} next to the certificate` : `This is ${what}`;
  return x509Error(
    "ERR_PRIVATE_KEY",
    `${found}. A private key must stay with its owner, so it was not uploaded or stored. Remove the key and provide only the certificate (-----BEGIN CERTIFICATE-----).`,
  );
}

function corrupt(source: DerSource, error: unknown): X509Error {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DerError && error.truncated) {
    if (source.kind === "pem") {
      return x509Error(
        "ERR_TRUNCATED_PEM",
        `${where(source)} ends before the certificate data does: part of it is missing, perhaps lost when copying. Copy the whole block again, from BEGIN to END.`,
      );
    }
    return x509Error(
      "ERR_CORRUPT",
      `${where(source)} ends before the certificate data does: it is truncated (${detail}).`,
    );
  }
  return x509Error(
    "ERR_CORRUPT",
    `${where(source)} decodes, but its content is not a well-formed certificate (${detail}). It may be damaged.`,
  );
}

function parsePkcs7(bytes: Uint8Array, source: DerSource): DecodeResult {
  let ders: Uint8Array[];
  try {
    ders = readPkcs7Certificates(bytes);
  } catch (error) {
    return { ok: false, error: corrupt(source, error) };
  }
  if (ders.length === 0) {
    return {
      ok: false,
      error: x509Error("ERR_NOT_CERTIFICATE", "This is a PKCS#7 file that holds no certificates."),
    };
  }
  const certificates: ParsedCertificate[] = [];
  for (const der of ders) {
    try {
      certificates.push(parseCertificateDer(der));
    } catch (error) {
      return { ok: false, error: corrupt(source, error) };
    }
  }
  return { ok: true, certificates };
}

/**
 * Decodes DER bytes: one certificate, several concatenated ones (some tools write bundles that
 * way), or a PKCS#7 bundle. Everything else is refused with the code that says what it is.
 */
export function decodeDer(bytes: Uint8Array, source: DerSource): DecodeResult {
  if (bytes[0] !== 0x30) {
    const what = source.kind === "file" ? describeBinary(bytes) : "data that is not DER-encoded ASN.1";
    return {
      ok: false,
      error: x509Error("ERR_NOT_CERTIFICATE", `${where(source)} is not a certificate: it is ${what}.`),
    };
  }
  const certificates: ParsedCertificate[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    // Whitespace or NUL padding after the last certificate (an editor's newline) is ignored, as
    // OpenSSL ignores it.
    if (offset > 0 && bytes.subarray(offset).every((byte) => TRAILING_PADDING.has(byte))) break;
    const rest = bytes.subarray(offset);
    let kind: ReturnType<typeof classifyDer>;
    let end: number;
    try {
      kind = classifyDer(rest);
      end = readTlv(rest, 0, rest.length, 0, false).end;
    } catch (error) {
      return { ok: false, error: corrupt(source, error) };
    }
    if (kind.kind === "pkcs7" && offset === 0 && end === bytes.length) return parsePkcs7(bytes, source);
    const refusal =
      kind.kind === "pkcs7"
        ? refuseKind({ kind: "other", description: "a PKCS#7 bundle followed by other data" })
        : refuseKind(kind);
    if (refusal) return { ok: false, error: refusal };
    try {
      // A certificate gets bytes of its own: never the caller's buffer, never a view into a larger
      // one (code handing `der.buffer` to an API would pass the rest too). Bytes decoded from text
      // are already ours, so one certificate that fills their whole buffer needs no copy.
      const whole =
        source.kind !== "file" &&
        offset === 0 &&
        end === bytes.length &&
        bytes.byteLength === bytes.buffer.byteLength;
      certificates.push(parseCertificateDer(whole ? bytes : rest.slice(0, end)));
    } catch (error) {
      return { ok: false, error: corrupt(source, error) };
    }
    offset += end;
  }
  return { ok: true, certificates };
}
