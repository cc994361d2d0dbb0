import "server-only";

import { VendorError } from "../errors";
import type { CloudflareClient } from "./client";
import type { SamlCertificateSet } from "./schemas";

/** Sets per page: the API allows 1–1000 (default 25). */
export const PAGE_SIZE = 100;
/** A hard bound on pages: 10 000 sets is far beyond any real account. */
export const MAX_PAGES = 100;

/**
 * Reads every SAML certificate set with our own paging loop instead of the SDK's
 * auto-pagination, which asks for page+1 until it gets an empty page and ignores `total_pages`
 * (cloudflare-typescript#2661 loops forever on an API that echoes the last page; python PR#2682).
 * Stops on an empty page, a short page, `total_pages`, or a page with nothing new; de-duplicates
 * by `uid`; refuses to go past `MAX_PAGES`.
 */
export function listAllSamlCertificateSets(
  client: CloudflareClient,
  pageSize = PAGE_SIZE,
  maxPages = MAX_PAGES,
): Promise<SamlCertificateSet[]> {
  return collectSamlCertificateSets(client, (set) => set, pageSize, maxPages);
}

/**
 * `listAllSamlCertificateSets`, each new set turned into `T` as soon as its page arrives: a
 * page's parsed JSON is dropped while the next is read, instead of every page being held until
 * the last (5,000 certificates are 9 MB of PEM text).
 */
export async function collectSamlCertificateSets<T>(
  client: CloudflareClient,
  toItem: (set: SamlCertificateSet) => T | Promise<T>,
  pageSize = PAGE_SIZE,
  maxPages = MAX_PAGES,
): Promise<T[]> {
  const byUid = new Map<string, T | Promise<T>>();
  let pending = false;
  for (let page = 1; page <= maxPages; page++) {
    const { result, result_info: info } = await client.listSamlCertificateSets(page, pageSize);
    let added = 0;
    for (const set of result) {
      if (!byUid.has(set.uid)) {
        const item = toItem(set);
        if (item instanceof Promise) {
          pending = true;
          // Awaited below, after the last page: until then a failure must not count as unhandled.
          item.catch(() => undefined);
        }
        byUid.set(set.uid, item);
        added++;
      }
    }
    const lastPage =
      result.length === 0 ||
      result.length < pageSize ||
      (info?.total_pages !== undefined && page >= info.total_pages) ||
      added === 0;
    // Items built at once (the usual listing of known certificates) need no Promise.all.
    if (lastPage) return pending ? Promise.all(byUid.values()) : ([...byUid.values()] as T[]);
  }
  throw new VendorError({
    vendor: "cloudflare",
    kind: "malformed-response",
    operation: "list SAML certificate sets",
    vendorMessage: `pagination did not end after ${maxPages} pages of ${pageSize}`,
    retryable: false,
  });
}
