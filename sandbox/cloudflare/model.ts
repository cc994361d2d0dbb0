import type { VendorRuntime } from "../runtime";
import { RateWindow } from "../core/rate-window";

/** One certificate of a set. */
export interface CfCertificate {
  uid: string;
  pem: string;
  notBefore: Date;
  notAfter: Date;
}

/** A SAML (encryption) certificate set. */
export interface CfCertificateSet {
  uid: string;
  createdAt: Date;
  updatedAt: Date;
  current: CfCertificate | null;
  previous: CfCertificate | null;
}

/** A Cloudflare account with its Access SAML certificate sets. */
export interface CfAccount {
  id: string;
  name: string;
  sets: CfCertificateSet[];
}

/** An API token in the sandbox's registry. */
export interface CfToken {
  id: string;
  value: string;
  status: "active" | "disabled" | "expired";
  expiresOn?: Date;
  notBefore?: Date;
  /** Account IDs the token's policies cover. */
  accounts: string[];
  /** "Access: Organizations, Identity Providers, and Groups" Read / Write [I]. */
  permissions: Array<"read" | "write">;
  /** User-owned tokens verify at /user/tokens/verify, account-owned ones at /accounts/{id}/tokens/verify. */
  owner: "user" | "account";
}

/** A legacy global API key (X-Auth-Email + X-Auth-Key): full access to the user's accounts. */
export interface CfGlobalKey {
  email: string;
  key: string;
  accounts: string[];
}

/** The Cloudflare simulator's state. */
export interface CloudflareState {
  accounts: CfAccount[];
  tokens: CfToken[];
  globalKeys: CfGlobalKey[];
  /** 1200 requests / 5 min per token, then every call blocked for 5 min. */
  rateWindow: RateWindow;
}

/** An empty state. */
export function emptyCloudflareState(): CloudflareState {
  return { accounts: [], tokens: [], globalKeys: [], rateWindow: new RateWindow(5 * 60_000, 5 * 60_000) };
}

/** The Cloudflare simulator's own switches. */
export interface CloudflareSettings {
  /**
   * A list past the last page: `empty` (documented: `result: []`) or `echo-last` (the behaviour
   * reported in cloudflare-python PR#2682), to test client guards.
   */
  cloudflarePastLastPage: "empty" | "echo-last";
}

/** What the Cloudflare simulator's code sees. */
export type CloudflareRuntime = VendorRuntime<CloudflareState, CloudflareSettings>;
