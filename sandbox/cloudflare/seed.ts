import { generateCfCertificate, CF_CERT_VALIDITY_MS } from "./certificate-sets";
import { emptyCloudflareState, type CfAccount, type CfToken, type CloudflareState } from "./model";
import { CLOUDFLARE_ACCOUNTS, CLOUDFLARE_GLOBAL_KEY, CLOUDFLARE_TOKENS, type SetPlan } from "./catalog";
import { demoIds } from "../seed/demo-ids";
import { daysFrom, type SeedContext, type SeedName } from "../seed/seed-context";

type AccountKey = keyof typeof CLOUDFLARE_ACCOUNTS;

/** Builds the Cloudflare state; `empty` keeps accounts and tokens but no certificate sets. */
export async function seedCloudflare(ctx: SeedContext, seed: SeedName): Promise<CloudflareState> {
  const state = emptyCloudflareState();
  const now = ctx.clock.now();
  const accountId = (key: AccountKey) => CLOUDFLARE_ACCOUNTS[key].id;
  state.accounts = await Promise.all(
    Object.values(CLOUDFLARE_ACCOUNTS).map(async (plan) => {
      const account: CfAccount = { id: plan.id, name: plan.name, sets: [] };
      if (seed === "demo")
        account.sets = await Promise.all(plan.sets.map((s) => buildSet(ctx, account, s, now)));
      return account;
    }),
  );
  state.tokens = Object.values(CLOUDFLARE_TOKENS).map((t): CfToken => ({
    id: t.id,
    value: t.value,
    status: t.status,
    ...("daysToExpiry" in t && { expiresOn: daysFrom(now, t.daysToExpiry) }),
    accounts: t.accounts.map((a) => accountId(a)),
    permissions: [...t.permissions],
    owner: t.owner,
  }));
  state.globalKeys = [
    {
      email: CLOUDFLARE_GLOBAL_KEY.email,
      key: CLOUDFLARE_GLOBAL_KEY.key,
      accounts: CLOUDFLARE_GLOBAL_KEY.accounts.map((a) => accountId(a)),
    },
  ];
  return state;
}

async function buildSet(ctx: SeedContext, account: CfAccount, plan: SetPlan, now: Date) {
  const cert = (expiresIn: number, slot: string) => {
    const notAfter = daysFrom(now, expiresIn);
    const uid = demoIds.uuid(`cloudflare/set/${plan.uid}/${slot}`);
    return generateCfCertificate(ctx, account, new Date(notAfter.getTime() - CF_CERT_VALIDITY_MS), notAfter, {
      shared: true,
      uid,
    });
  };
  const [current, previous] = await Promise.all([
    cert(plan.currentExpiresInDays, "current"),
    plan.previousExpiresInDays === null ? null : cert(plan.previousExpiresInDays, "previous"),
  ]);
  const createdAt = daysFrom(now, -plan.createdDaysAgo);
  // The last rotation happened when the current certificate was issued.
  const updatedAt = previous ? current.notBefore : createdAt;
  return {
    uid: plan.uid,
    createdAt,
    updatedAt: updatedAt < createdAt ? createdAt : updatedAt,
    current,
    previous,
  };
}
