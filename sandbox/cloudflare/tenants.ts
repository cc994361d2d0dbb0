import { issueStampedCertificate } from "../certs/stamped-certificates";
import type { TenantSeedRequest } from "../core/tenants";
import type { CloudflareDemoConnection } from "./demo-connections";
import type { CfAccount, CfCertificate, CfCertificateSet, CloudflareRuntime } from "./model";
import { CF_CERT_VALIDITY_MS } from "./certificate-sets";

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/**
 * Adds `connections` Cloudflare accounts of `setsPerConnection` SAML certificate sets each, with
 * one read/write API token per account, and answers their connection settings. Certificates are
 * stamped from one template per account (sandbox/certs/stamped-certificates.ts): thousands take a
 * second or two, and the same tenant seeded again after a reset signs nothing.
 */
export async function addCloudflareTenants(
  runtime: CloudflareRuntime,
  request: TenantSeedRequest,
  baseUrl: string,
): Promise<CloudflareDemoConnection[]> {
  const { ids } = runtime;
  // Dates on the hour: a re-seed within the hour finds every certificate in the stamp cache.
  const now = new Date(Math.floor(runtime.clock.now().getTime() / HOUR_MS) * HOUR_MS);
  const connections: CloudflareDemoConnection[] = [];
  for (let n = 1; n <= request.connections; n++) {
    const label = `cloudflare/tenant/${request.name}/${n}`;
    const account: CfAccount = {
      id: ids.hex(`${label}/account`, 32),
      name: `${request.name} ${n}`,
      sets: [],
    };
    if (runtime.state.accounts.some((a) => a.id === account.id))
      throw new Error(`tenant ${request.name} is already seeded`);
    const stampKey = `cloudflare/${account.id}`;
    const params = {
      subject: `CN=${request.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${n}.cloudflareaccess.com, O=Cloudflare Access`,
      keys: runtime.keys.shared(),
      profile: "saml-encryption" as const,
    };
    const certificate = async (uid: string, expiresInDays: number): Promise<CfCertificate> => {
      const notAfter = new Date(now.getTime() + expiresInDays * DAY_MS);
      const issued = await issueStampedCertificate(
        stampKey,
        params,
        uid,
        new Date(notAfter.getTime() - CF_CERT_VALIDITY_MS),
        notAfter,
      );
      return { uid, pem: issued.pem, notBefore: issued.notBefore, notAfter: issued.notAfter };
    };
    for (let i = 0; i < request.setsPerConnection; i++) {
      const uid = ids.uuid(`${label}/set/${i}`);
      // Current certificates stay more than 30 days from expiry (no automatic rotation on read);
      // every set keeps its previous certificate (two per set), some of them expired.
      const current = await certificate(ids.uuid(`${uid}/current`), 40 + ((i * 37) % 1000));
      const previous = await certificate(ids.uuid(`${uid}/previous`), -20 + ((i * 11) % 60));
      const set: CfCertificateSet = {
        uid,
        createdAt: new Date(now.getTime() - (1200 + i) * DAY_MS),
        updatedAt: current.notBefore,
        current,
        previous,
      };
      account.sets.push(set);
    }
    runtime.state.accounts.push(account);
    const token = ids.text(`${label}/token`, 40, TOKEN_ALPHABET);
    runtime.state.tokens.push({
      id: ids.hex(`${label}/token/id`, 32),
      value: token,
      status: "active",
      accounts: [account.id],
      permissions: ["read", "write"],
      owner: "account",
    });
    connections.push({
      vendor: "cloudflare",
      name: `${account.name} (sandbox tenant)`,
      baseUrl,
      accountId: account.id,
      apiToken: token,
    });
  }
  return connections;
}
