import { decodeBase64 } from "./base64";

/** A finding about text or bytes that are not a certificate, mapped to a stable error code. */
export type Description =
  | { code: "ERR_PRIVATE_KEY" | "ERR_PUBLIC_KEY" | "ERR_JWT" | "ERR_NOT_CERTIFICATE"; what: string }
  | undefined;

const JWT = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/;
const SSH_PUBLIC_KEY =
  /^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+AAAA/;

function jwtHeader(text: string): Record<string, unknown> | undefined {
  if (!JWT.test(text)) return undefined;
  const header = decodeBase64(text.slice(0, text.indexOf(".")));
  if (!header.ok) return undefined;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(header.bytes));
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describeJson(text: string): Description {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const keys = (Array.isArray(parsed) ? [] : [parsed]).concat(
    typeof parsed === "object" && parsed !== null && Array.isArray((parsed as { keys?: unknown }).keys)
      ? (parsed as { keys: unknown[] }).keys
      : [],
  );
  const jwks = keys.filter(
    (key): key is Record<string, unknown> => typeof key === "object" && key !== null && "kty" in key,
  );
  // "d" is the private exponent / scalar in every JWK key type that has a private part.
  if (jwks.some((key) => "d" in key))
    return { code: "ERR_PRIVATE_KEY", what: "a private JSON Web Key (JWK)" };
  if (jwks.length > 0)
    return { code: "ERR_PUBLIC_KEY", what: "a public JSON Web Key (JWK) without a certificate" };
  return { code: "ERR_NOT_CERTIFICATE", what: "JSON text" };
}

/** Recognises well-known non-certificate text formats; `undefined` when nothing matched. */
export function describeText(text: string): Description {
  const trimmed = text.trim();
  if (/^PuTTY-User-Key-File-\d+:/.test(trimmed))
    return { code: "ERR_PRIVATE_KEY", what: "a PuTTY private key (.ppk)" };
  if (SSH_PUBLIC_KEY.test(trimmed) || trimmed.startsWith("---- BEGIN SSH2 PUBLIC KEY ----")) {
    return { code: "ERR_PUBLIC_KEY", what: "an SSH public key" };
  }
  const header = jwtHeader(trimmed);
  if (header && ("alg" in header || "typ" in header || "enc" in header)) {
    const alg = typeof header.alg === "string" ? `, alg ${header.alg}` : "";
    const kind = "enc" in header ? "an encrypted JSON Web Token (JWE" : "a JSON Web Token (JWT";
    return { code: "ERR_JWT", what: `${kind}${alg})` };
  }
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return describeJson(trimmed);
  if (
    /^[0-9A-Fa-f]{2}(?:[:\s]?[0-9A-Fa-f]{2}){19}$/.test(trimmed) ||
    /^[0-9A-Fa-f]{2}(?:[:\s]?[0-9A-Fa-f]{2}){31}$/.test(trimmed)
  ) {
    return {
      code: "ERR_NOT_CERTIFICATE",
      what: "a thumbprint (a hash of a certificate), not the certificate itself",
    };
  }
  if (trimmed.startsWith("<")) {
    return {
      code: "ERR_NOT_CERTIFICATE",
      what: /EntityDescriptor/.test(trimmed)
        ? "SAML metadata without an embedded certificate"
        : "XML or HTML text",
    };
  }
  return undefined;
}

/**
 * Describes unrecognised text for a message. Prose is quoted briefly so people see what they
 * pasted; a single long token is not, because it may be a secret pasted by mistake.
 */
export function describeUnknownText(text: string): string {
  const flat = text.trim().replace(/\s+/g, " ");
  const head = flat.slice(0, 24);
  if (!head.includes(" "))
    return `a ${flat.length}-character string that is neither PEM nor base64 of a certificate`;
  return `text beginning “${head.replace(/[^\x20-\x7e]/g, "?")}${flat.length > 24 ? "…" : ""}”, with no PEM block`;
}

/** Names common binary file types by their magic bytes. */
export function describeBinary(bytes: Uint8Array): string {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "a ZIP archive (or an Office document)";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "a PDF document";
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "a PNG image";
  if (starts(0xff, 0xd8, 0xff)) return "a JPEG image";
  if (starts(0x1f, 0x8b)) return "a gzip-compressed file";
  const head = Array.from(bytes.subarray(0, 4), (byte) => byte.toString(16).padStart(2, "0")).join(" ");
  return `binary data that is not DER-encoded ASN.1 (it starts with the bytes ${head})`;
}
