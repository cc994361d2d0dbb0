/**
 * The certificates of a PKCS#7 / CMS SignedData bundle (.p7b / .p7c, RFC 5652 section 5), read with
 * the same DER reader as everything else: no second ASN.1 library to load, and as fast as the same
 * certificates in PEM. The envelope may be BER (indefinite lengths: some Windows exports); every
 * certificate inside is read as strictly as a certificate on its own.
 */
import { DerError, TAG, encodingOf, readChildren, readOid, readTlv, type Tlv } from "./der";
import { expectTag } from "./der-values";
import { OID_PKCS7_SIGNED_DATA } from "./oids";

const children = (bytes: Uint8Array, tlv: Tlv) => readChildren(bytes, tlv, false);

/** The DER of each certificate in a ContentInfo holding SignedData, in order; others are skipped. */
export function readPkcs7Certificates(bytes: Uint8Array): Uint8Array[] {
  const contentInfo = expectTag(readTlv(bytes, 0, bytes.length, 0, false), TAG.SEQUENCE, "the PKCS#7 bundle");
  const [contentType, wrapper] = children(bytes, contentInfo);
  if (readOid(bytes, expectTag(contentType, TAG.OID, "the PKCS#7 content type")) !== OID_PKCS7_SIGNED_DATA) {
    throw new DerError("the PKCS#7 bundle does not hold signed data");
  }
  if (wrapper?.tag !== 0xa0) throw new DerError("the PKCS#7 bundle has no content");
  const [signedData] = children(bytes, wrapper);
  const fields = children(bytes, expectTag(signedData, TAG.SEQUENCE, "the PKCS#7 signed data"));
  // version, digestAlgorithms, encapContentInfo, then [0] IMPLICIT certificates (optional).
  const certificates = fields.slice(3).find((field) => field.tag === 0xa0);
  if (!certificates) return [];
  // Attribute certificates and other CertificateChoices ([1]..[3]) are not X.509 certificates.
  return children(bytes, certificates)
    .filter((choice) => choice.tag === TAG.SEQUENCE)
    .map((choice) => encodingOf(bytes, choice).slice());
}
