import type { ParsedCertificate } from "./certificate";
import { bytesEqual } from "./der";
import { checkSelfSignature, isSelfIssued, verifySignedBy, type SignatureCheck } from "./signature";

/** How a chain entry relates to the next one (its issuer). */
export type IssuerLink =
  /** The next certificate's key verifies this one's signature. */
  | "verified"
  /** Names (and key identifiers) match, but the signature could not be checked here (e.g. MD5). */
  | "unchecked"
  /** Last entry: a self-signed root (its own key verifies it), nothing above it. */
  | "root"
  /** Last entry: self-issued, but its signature algorithm cannot be checked here. */
  | "root-unchecked"
  /** The signature does not verify (against the next certificate, or its own key for the last). */
  | "invalid"
  /** Last entry and its issuer is not in the bundle. */
  | "missing";

export interface ChainEntry {
  certificate: ParsedCertificate;
  /** Position in the input, so the UI can say "certificate 3 of the file". */
  inputIndex: number;
  issuer: IssuerLink;
}

/** A hole in the chain: the issuer of `entries[afterIndex]` was not supplied. */
export interface ChainGap {
  afterIndex: number;
  missingIssuer: string;
  message: string;
}

export interface CertificateChain {
  /** Leaf first, then each issuer. */
  entries: ChainEntry[];
  /** `true` when the chain ends in a self-signed root with no gap and no signature that fails. */
  complete: boolean;
  gaps: ChainGap[];
  /** Input positions of certificates that are not on the leaf's path (unrelated or beyond a gap). */
  unrelated: number[];
  /** Input positions of exact repeats of an earlier certificate. */
  duplicates: number[];
}

function keyIdsAllow(child: ParsedCertificate, parent: ParsedCertificate): boolean {
  const aki = child.fields.authorityKeyId;
  const ski = parent.fields.subjectKeyId;
  return aki === undefined || ski === undefined || aki === ski;
}

/**
 * Finds the supplied issuer of `child` among candidates: a verified signature beats an unchecked
 * one, which beats a name match whose signature fails (reported, never passed over in silence).
 */
async function findIssuer(
  child: ParsedCertificate,
  candidates: Array<{ cert: ParsedCertificate; index: number }>,
) {
  let unchecked: { index: number; link: IssuerLink } | undefined;
  let failed: { index: number; link: IssuerLink } | undefined;
  for (const { cert, index } of candidates) {
    if (!bytesEqual(cert.fields.subjectDer, child.fields.issuerDer) || !keyIdsAllow(child, cert)) continue;
    const verified = await verifySignedBy(child, cert);
    if (verified === true) return { index, link: "verified" as const };
    if (verified === undefined) unchecked ??= { index, link: "unchecked" };
    else failed ??= { index, link: "invalid" };
  }
  return unchecked ?? failed;
}

const ROOT_LINKS: Record<SignatureCheck, IssuerLink> = {
  verified: "root",
  "not-checked": "root-unchecked",
  failed: "invalid",
};

/**
 * Orders a bundle into a chain, leaf first, by matching issuer to subject names and checking each
 * signature with the issuer's key. The leaf is the first certificate that issued none of the
 * others (preferring non-CA certificates). Reports missing issuers as gaps instead of failing.
 */
export async function orderCertificateChain(certificates: ParsedCertificate[]): Promise<CertificateChain> {
  const unique: Array<{ cert: ParsedCertificate; index: number }> = [];
  const duplicates: number[] = [];
  certificates.forEach((cert, index) => {
    if (unique.some((seen) => bytesEqual(seen.cert.der, cert.der))) duplicates.push(index);
    else unique.push({ cert, index });
  });
  if (unique.length === 0) return { entries: [], complete: false, gaps: [], unrelated: [], duplicates };

  const issuesOthers = (candidate: ParsedCertificate) =>
    unique.some(
      ({ cert }) =>
        cert !== candidate &&
        !isSelfIssued(cert) &&
        bytesEqual(cert.fields.issuerDer, candidate.fields.subjectDer),
    );
  const leaves = unique.filter(({ cert }) => !issuesOthers(cert));
  const leaf =
    leaves.find(({ cert }) => cert.fields.basicConstraints?.ca !== true) ?? leaves[0] ?? unique[0]!;

  const entries: ChainEntry[] = [];
  const gaps: ChainGap[] = [];
  const used = new Set<number>([leaf.index]);
  let current = leaf;
  while (true) {
    const entry: ChainEntry = { certificate: current.cert, inputIndex: current.index, issuer: "root" };
    entries.push(entry);
    const self = await checkSelfSignature(current.cert);
    if (self !== undefined) {
      entry.issuer = ROOT_LINKS[self];
      break;
    }
    const found = await findIssuer(
      current.cert,
      unique.filter(({ index }) => !used.has(index)),
    );
    if (!found) {
      entry.issuer = "missing";
      const name = current.cert.fields.commonName ?? current.cert.fields.subject;
      gaps.push({
        afterIndex: entries.length - 1,
        missingIssuer: current.cert.fields.issuer,
        message: `The issuer of “${name}” (${current.cert.fields.issuer}) is not in the bundle.`,
      });
      break;
    }
    entry.issuer = found.link;
    used.add(found.index);
    current = unique.find(({ index }) => index === found.index)!;
  }
  const unrelated = unique.filter(({ index }) => !used.has(index)).map(({ index }) => index);
  const complete = gaps.length === 0 && entries.every((entry) => entry.issuer !== "invalid");
  return { entries, complete, gaps, unrelated, duplicates };
}
