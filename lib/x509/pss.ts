import { TAG, readChildren, readOid, readSmallInteger, type Tlv } from "./der";
import { HASH_ALGORITHMS, type HashName } from "./oids";

/** What the preview and the signature check need from RSASSA-PSS-params (RFC 4055). */
export interface PssParameters {
  signatureAlgorithmName: string;
  signatureHash: HashName;
  pssSaltLength: number;
}

/** Reads RSASSA-PSS-params: [0] hashAlgorithm defaulting to SHA-1, [2] saltLength to 20. */
export function readPssParameters(bytes: Uint8Array, parameters: Tlv | undefined): PssParameters {
  let hash: HashName = "SHA-1";
  let pssSaltLength = 20;
  const params = parameters?.tag === TAG.SEQUENCE ? readChildren(bytes, parameters) : [];
  const inner = (tag: number) => {
    const wrapper = params.find((p) => p.tag === tag);
    return wrapper ? readChildren(bytes, wrapper)[0] : undefined;
  };
  const hashId = inner(0xa0);
  const hashOidTlv = hashId?.tag === TAG.SEQUENCE ? readChildren(bytes, hashId)[0] : undefined;
  if (hashOidTlv) hash = HASH_ALGORITHMS[readOid(bytes, hashOidTlv)] ?? hash;
  const salt = inner(0xa2);
  if (salt?.tag === TAG.INTEGER) pssSaltLength = readSmallInteger(bytes, salt) ?? pssSaltLength;
  return { signatureAlgorithmName: `RSA-PSS with ${hash}`, signatureHash: hash, pssSaltLength };
}
