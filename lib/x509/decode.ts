import { decodeBase64, type Base64Result } from "./base64";
import type { DecodeResult, ParsedCertificate } from "./certificate";
import { classifyDer } from "./classify";
import { readTlv } from "./der";
import { decodeDer, privateKeyError } from "./decode-der";
import { describeText, describeUnknownText } from "./describe";
import { x509Error, type X509Error } from "./errors";
import { MAX_CERTIFICATE_INPUT_BYTES, tooLargeMessage } from "./limits";
import { hasPemMarker, normaliseText, scanPemBlocks, type PemBlock } from "./pem";
import { decodeLatin1 } from "./strings";

export type { DecodeResult, ParsedCertificate } from "./certificate";

export { MAX_CERTIFICATE_INPUT_BYTES } from "./limits";

/** Options for `decodeCertificates`. */
export interface DecodeOptions {
  /** Refuse inputs larger than this many bytes (UTF-8 for strings). Default 256 KiB. */
  maxBytes?: number;
}

const PRIVATE_KEY_LABELS: Record<string, string> = {
  "PRIVATE KEY": "an unencrypted private key (PKCS#8)",
  "RSA PRIVATE KEY": "an RSA private key (PKCS#1)",
  "EC PRIVATE KEY": "an EC private key (SEC1)",
  "DSA PRIVATE KEY": "a DSA private key",
  "ENCRYPTED PRIVATE KEY": "an encrypted private key (PKCS#8)",
  "OPENSSH PRIVATE KEY": "an OpenSSH private key",
  "PGP PRIVATE KEY BLOCK": "a PGP private key",
};

const fail = (error: X509Error): DecodeResult => ({ ok: false, error });

function describePrivateKeyBlock(block: PemBlock): string {
  const known = PRIVATE_KEY_LABELS[block.label] ?? `a private key (“${block.label}”)`;
  return /ENCRYPTED/.test(block.headers["Proc-Type"] ?? "")
    ? `${known.replace(/^an? /, "an encrypted ")}`
    : known;
}

/** Looks inside every PEM block for a private key, whatever its label says. */
function findPrivateKey(blocks: PemBlock[], bodies: Base64Result[]): string | undefined {
  for (const [index, block] of blocks.entries()) {
    if (/PRIVATE KEY/.test(block.label)) return describePrivateKeyBlock(block);
    if (!block.complete) continue;
    const decoded = bodies[index]!;
    if (!decoded.ok) continue;
    try {
      const kind = classifyDer(decoded.bytes);
      if (kind.kind === "private-key") return kind.description;
    } catch {
      // Not DER at all; the block is refused later with a precise reason.
    }
  }
  return undefined;
}

function decodePem(text: string): DecodeResult {
  const blocks = scanPemBlocks(text);
  if (blocks.length === 0) {
    return fail(
      x509Error(
        "ERR_CORRUPT",
        "The text has a -----BEGIN line, but it is damaged: no complete “-----BEGIN <TYPE>-----” marker was found.",
      ),
    );
  }
  // Each body is decoded once: for the private-key check first, then for the certificates.
  // (Incomplete blocks are refused before their bodies are needed.)
  const bodies = blocks.map((block): Base64Result =>
    block.complete ? decodeBase64(block.body) : { ok: false, reason: "the block is incomplete" },
  );
  const privateKey = findPrivateKey(blocks, bodies);
  if (privateKey) {
    const besideCertificate = blocks.some(
      (block) => /CERTIFICATE$/.test(block.label) && !/REQUEST/.test(block.label),
    );
    return fail(privateKeyError(privateKey, besideCertificate));
  }
  const cut = blocks.find((block) => !block.complete);
  if (cut) {
    return fail(
      x509Error(
        "ERR_TRUNCATED_PEM",
        `The text has a -----BEGIN ${cut.label}----- line but no matching -----END ${cut.label}----- line: it looks cut off. Copy the whole block, including the END line.`,
      ),
    );
  }
  const certificates: ParsedCertificate[] = [];
  for (const [index, block] of blocks.entries()) {
    const position = blocks.length > 1 ? ` (block ${index + 1} of ${blocks.length})` : "";
    const decoded = bodies[index]!;
    if (!decoded.ok) {
      return fail(
        x509Error("ERR_CORRUPT", `The ${block.label} block${position} is damaged: ${decoded.reason}.`),
      );
    }
    if (decoded.bytes.length === 0) {
      return fail(
        x509Error(
          "ERR_TRUNCATED_PEM",
          `The ${block.label} block${position} is empty: its content is missing.`,
        ),
      );
    }
    let bytes = decoded.bytes;
    // OpenSSL's TRUSTED CERTIFICATE is a certificate followed by trust settings; keep the certificate.
    if (block.label === "TRUSTED CERTIFICATE") {
      try {
        bytes = bytes.subarray(0, readTlv(bytes, 0, bytes.length, 0, false).end);
      } catch {
        // Left whole; decodeDer reports the damage.
      }
    }
    const result = decodeDer(bytes, { kind: "pem", label: block.label, position });
    if (!result.ok) return result;
    certificates.push(...result.certificates);
  }
  return { ok: true, certificates };
}

// SAML metadata carries certificates as bare base64 in <ds:X509Certificate> elements. Openings and
// closings are found in one pass each and paired with two cursors: a lazy `([\s\S]*?)` between them
// would rescan the rest of the text from every unclosed opening (quadratic time).
const XML_OPEN = /<(?:[\w-]+:)?X509Certificate\b[^<>]*>/g;
const XML_CLOSE = /<\/(?:[\w-]+:)?X509Certificate>/g;

function xmlCertificateBodies(text: string): string[] {
  const opens = [...text.matchAll(XML_OPEN)];
  const closes = [...text.matchAll(XML_CLOSE)];
  const bodies: string[] = [];
  let next = 0;
  opens.forEach((open, i) => {
    const from = open.index + open[0].length;
    while (next < closes.length && closes[next]!.index < from) next++;
    const close = closes[next];
    // An opening followed by another opening before any closing is unclosed; the later one counts.
    if (!close || (opens[i + 1] && opens[i + 1]!.index < close.index)) return;
    bodies.push(text.slice(from, close.index).replace(/\s+/g, ""));
    next++;
  });
  return [...new Set(bodies)];
}

function decodeXmlCertificates(text: string): DecodeResult | undefined {
  const bodies = xmlCertificateBodies(text);
  if (bodies.length === 0) return undefined;
  const certificates: ParsedCertificate[] = [];
  for (const body of bodies) {
    const result = decodeBareBase64(body);
    if (!result.ok) return result;
    certificates.push(...result.certificates);
  }
  return { ok: true, certificates };
}

function decodeBareBase64(text: string): DecodeResult {
  const decoded = decodeBase64(text);
  if (!decoded.ok || decoded.bytes[0] !== 0x30) {
    return fail(
      x509Error("ERR_NOT_CERTIFICATE", `This is not a certificate: it is ${describeUnknownText(text)}.`),
    );
  }
  return decodeDer(decoded.bytes, { kind: "base64" });
}

function decodeText(raw: string): DecodeResult {
  const text = normaliseText(raw);
  if (text.trim() === "")
    return fail(
      x509Error("ERR_EMPTY", "The input is empty: paste a certificate or choose a certificate file."),
    );
  if (hasPemMarker(text)) return decodePem(text);
  const described = describeText(text);
  if (described?.code === "ERR_PRIVATE_KEY") return fail(privateKeyError(described.what, false));
  const xml = decodeXmlCertificates(text);
  if (xml) return xml;
  if (described) {
    const sentence =
      described.code === "ERR_NOT_CERTIFICATE" ? "This is not a certificate: it is" : "This is";
    const tail = described.code === "ERR_NOT_CERTIFICATE" ? "." : ", not a certificate.";
    return fail(x509Error(described.code, `${sentence} ${described.what}${tail}`));
  }
  const hex = text.replace(/[\s:]+/g, "");
  // Hex dumps of DER (e.g. from a database column) start with 30, the SEQUENCE tag.
  if (/^30(?:[0-9A-Fa-f]{2}){3,}$/.test(hex)) {
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return decodeDer(bytes, { kind: "base64" });
  }
  return decodeBareBase64(text);
}

const PEM_BEGIN = new TextEncoder().encode("-----BEGIN ");

/** `true` when the bytes hold the ASCII text "-----BEGIN " anywhere (a linear scan). */
function hasPemBegin(bytes: Uint8Array): boolean {
  let matched = 0;
  for (const byte of bytes) {
    matched = byte === PEM_BEGIN[matched] ? matched + 1 : byte === PEM_BEGIN[0] ? 1 : 0;
    if (matched === PEM_BEGIN.length) return true;
  }
  return false;
}

/**
 * Bytes as the text a paste of the same file would give, or `undefined` for binary data. A file
 * with a PEM block is text whatever surrounds the block (a NUL byte, Latin-1 prose), so dropping
 * it gives the same result as pasting it.
 */
function bytesToText(bytes: Uint8Array): string | undefined {
  // Windows tools often save UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const pem = hasPemBegin(bytes);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.includes("\u0000") && !pem ? undefined : text;
  } catch {
    // Not UTF-8: a legacy 8-bit text file (ISO 8859-1) if it holds a PEM block, binary otherwise.
    return pem ? decodeLatin1(bytes) : undefined;
  }
}

function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return fail(x509Error("ERR_EMPTY", "The file is empty: it holds no certificate."));
  if (bytes[0] === 0x30) {
    const result = decodeDer(bytes, { kind: "file" });
    // A text file that happens to start with "0" is still text.
    const text = result.ok ? undefined : bytesToText(bytes);
    return text === undefined ? result : decodeText(text);
  }
  const text = bytesToText(bytes);
  return text === undefined ? decodeDer(bytes, { kind: "file" }) : decodeText(text);
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * The text's UTF-8 size when it may exceed `maxBytes`, else its length (which is then within the
 * limit too). UTF-8 takes 1 byte per ASCII character and at most 3 per UTF-16 unit, so most text
 * is settled without encoding a copy of it (up to the limit's size, on every decode).
 */
function textSizeOverLimit(text: string, maxBytes: number): number {
  if (text.length > maxBytes || text.length * 3 <= maxBytes || ASCII_ONLY.test(text)) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * Decodes certificates from whatever an administrator pastes or uploads: PEM (one block or a
 * bundle, with CRLF, a BOM or surrounding text), DER, bare base64 or hex, PKCS#7 (PEM or DER), or
 * SAML metadata XML. Anything else, above all a private key, is refused with a stable code and a
 * plain sentence. Never throws.
 */
export function decodeCertificates(input: string | Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const maxBytes = options.maxBytes ?? MAX_CERTIFICATE_INPUT_BYTES;
  try {
    const size = typeof input === "string" ? textSizeOverLimit(input, maxBytes) : input.length;
    if (size > maxBytes) {
      return fail(x509Error("ERR_TOO_LARGE", tooLargeMessage(size, maxBytes)));
    }
    const result = typeof input === "string" ? decodeText(input) : decodeBytes(input);
    // Every path above yields certificates or a refusal; this guards the promise of "at least one".
    if (result.ok && result.certificates.length === 0) {
      return fail(x509Error("ERR_NOT_CERTIFICATE", "No certificate was found in the input."));
    }
    return result;
  } catch (error) {
    // Defence in depth: every known failure is mapped above; this keeps the "never throws" promise.
    const detail = error instanceof Error ? error.message : String(error);
    return fail(x509Error("ERR_CORRUPT", `The input could not be decoded (${detail}).`));
  }
}
