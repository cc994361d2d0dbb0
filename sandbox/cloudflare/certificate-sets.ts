import { issueCertificate, issueSeedCertificate, type IssueParams } from "../certs/issue-certificate";
import type { SharedRuntime } from "../runtime";
import type { CloudflareRuntime } from "./model";
import type { CfAccount, CfCertificate, CfCertificateSet } from "./model";

/** Validity of a new Access SAML certificate (the spec example spans three years). */
export const CF_CERT_VALIDITY_MS = 3 * 365 * 24 * 3600 * 1000;
/** Cloudflare rotates automatically this long before the current certificate's not_after. */
export const AUTO_ROTATE_BEFORE_MS = 30 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Generates a certificate for an account's set: RSA-2048, SHA-256, 8-byte serial, self-signed. */
export async function generateCfCertificate(
  runtime: Pick<SharedRuntime, "keys" | "ids">,
  account: CfAccount,
  notBefore: Date,
  notAfter: Date,
  options: { shared?: boolean; uid?: string } = {},
): Promise<CfCertificate> {
  const uid = options.uid ?? runtime.ids.uuid(runtime.ids.nextLabel(`cloudflare/${account.id}/certificate`));
  const params: IssueParams = {
    subject: `CN=${account.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.cloudflareaccess.com, O=Cloudflare Access`,
    keys: options.shared ? runtime.keys.shared() : runtime.keys.fresh(),
    notBefore,
    notAfter,
    serialBytes: 8,
    profile: "saml-encryption",
  };
  // Seed certificates (given a uid) may be reused across resets; rotations always get new ones.
  const cert = await (options.uid
    ? issueSeedCertificate(`cloudflare/${uid}`, params)
    : issueCertificate(params));
  return { uid, pem: cert.pem, notBefore: cert.notBefore, notAfter: cert.notAfter };
}

/**
 * Rotate: a new current; the old current becomes previous; the old previous is dropped.
 * The certificate is generated first and the swap is synchronous, so concurrent rotations
 * of one set each shift it by exactly one certificate without holding a lock while signing.
 */
export async function rotateSet(
  runtime: CloudflareRuntime,
  account: CfAccount,
  set: CfCertificateSet,
  at: Date,
): Promise<void> {
  const fresh = await generateCfCertificate(
    runtime,
    account,
    at,
    new Date(at.getTime() + CF_CERT_VALIDITY_MS),
  );
  set.previous = set.current;
  set.current = fresh;
  if (at > set.updatedAt) set.updatedAt = at;
}

/**
 * Applies the automatic rotations the sandbox clock has passed, each at the moment it
 * was due (not_after − 30 days), so a jump of years rotates several times.
 */
export async function autoRotate(runtime: CloudflareRuntime, account: CfAccount, now: Date): Promise<void> {
  for (const set of account.sets) {
    for (
      let i = 0;
      i < 20 && set.current && now.getTime() >= set.current.notAfter.getTime() - AUTO_ROTATE_BEFORE_MS;
      i++
    ) {
      const due = new Date(
        Math.max(set.current.notAfter.getTime() - AUTO_ROTATE_BEFORE_MS, set.updatedAt.getTime() + DAY_MS),
      );
      await rotateSet(runtime, account, set, due);
    }
  }
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** The API shape of a certificate set. */
export function setDto(set: CfCertificateSet) {
  const cert = (c: CfCertificate, isCurrent: boolean) => ({
    uid: c.uid,
    public_certificate: c.pem,
    not_after: iso(c.notAfter),
    is_current: isCurrent,
  });
  return {
    uid: set.uid,
    created_at: iso(set.createdAt),
    updated_at: iso(set.updatedAt),
    ...(set.current && { current_certificate: cert(set.current, true) }),
    previous_certificate: set.previous ? cert(set.previous, false) : null,
  };
}

/** Serialises automatic rotations per account, so two readers never both rotate a due set. */
export class AccountLocks {
  private locks = new WeakMap<CfAccount, Promise<unknown>>();

  /** Runs `fn` after every earlier locked call on the same account. */
  run<T>(account: CfAccount, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(account) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.locks.set(
      account,
      next.catch(() => undefined),
    );
    return next;
  }
}
