import { stampedIssuer } from "../certs/stamped-certificates";
import { seedTenants, spreadDays, tenantDay, tenantEpoch, type TenantSeedRequest } from "../core/tenants";
import { CF_CERT_VALIDITY_MS } from "./certificate-sets";
import type { CloudflareDemoConnection } from "./demo-connections";
import type { CfAccount, CfCertificate, CfCertificateSet, CloudflareRuntime } from "./model";

const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/**
 * Adds Cloudflare accounts of `setsPerConnection` SAML certificate sets each, with one read/write
 * API token per account, and answers their connection settings. Certificates are stamped from one
 * template per account (sandbox/certs/stamped-certificates.ts): thousands take a second or two,
 * and the same tenant seeded again after a reset signs nothing.
 */
export function addCloudflareTenants(
  runtime: CloudflareRuntime,
  request: TenantSeedRequest,
  baseUrl: string,
): Promise<CloudflareDemoConnection[]> {
  const { ids, state } = runtime;
  const epoch = tenantEpoch(runtime.clock.now());
  const tokenOf = (label: string) => ids.text(`${label}/token`, 40, TOKEN_ALPHABET);
  return seedTenants<CfAccount, CloudflareDemoConnection>(request, {
    find: (slot) => state.accounts.find((a) => a.id === ids.hex(`${slot.label}/account`, 32)),
    mismatch: (account, { setsPerConnection }) =>
      account.sets.length === setsPerConnection ? undefined : `with ${account.sets.length} sets`,
    async build(slot) {
      const account: CfAccount = {
        id: ids.hex(`${slot.label}/account`, 32),
        name: slot.displayName,
        sets: [],
      };
      const issue = stampedIssuer(
        `cloudflare/${account.id}`,
        {
          subject: `CN=${slot.slug}.cloudflareaccess.com, O=Cloudflare Access`,
          keys: runtime.keys.shared(),
          profile: "saml-encryption",
        },
        CF_CERT_VALIDITY_MS,
      );
      const certificate = async (uid: string, expiresInDays: number): Promise<CfCertificate> => {
        const issued = await issue(uid, tenantDay(epoch, expiresInDays));
        return { uid, pem: issued.pem, notBefore: issued.notBefore, notAfter: issued.notAfter };
      };
      for (let i = 0; i < request.setsPerConnection; i++) {
        const uid = ids.uuid(`${slot.label}/set/${i}`);
        // Current certificates stay more than 30 days from expiry (no automatic rotation on read);
        // every set keeps its previous certificate (two per set), some of them expired.
        const current = await certificate(ids.uuid(`${uid}/current`), spreadDays(i, 40, 1000));
        const previous = await certificate(ids.uuid(`${uid}/previous`), spreadDays(i, -20, 60, 11));
        const set: CfCertificateSet = {
          uid,
          createdAt: tenantDay(epoch, -(1200 + i)),
          updatedAt: current.notBefore,
          current,
          previous,
        };
        account.sets.push(set);
      }
      return account;
    },
    add(built) {
      for (const { account, slot } of built) {
        state.accounts.push(account);
        state.tokens.push({
          id: ids.hex(`${slot.label}/token/id`, 32),
          value: tokenOf(slot.label),
          status: "active",
          accounts: [account.id],
          permissions: ["read", "write"],
          owner: "account",
        });
      }
    },
    connection: (account, slot) => ({
      vendor: "cloudflare",
      name: `${account.name} (sandbox tenant)`,
      baseUrl,
      accountId: account.id,
      apiToken: tokenOf(slot.label),
    }),
  });
}
