import { demoIds as ids } from "../seed/demo-ids";

/** A certificate set to seed: days until current / previous expire, and its age. */
export interface SetPlan {
  uid: string;
  currentExpiresInDays: number;
  previousExpiresInDays: number | null;
  createdDaysAgo: number;
}

/** An account to seed. */
export interface AccountPlan {
  id: string;
  name: string;
  sets: SetPlan[];
}

const set = (
  account: string,
  n: number,
  current: number,
  previous: number | null,
  created: number,
): SetPlan => ({
  uid: ids.uuid(`cloudflare/${account}/set/${n}`),
  currentExpiresInDays: current,
  previousExpiresInDays: previous,
  createdDaysAgo: created,
});

// Current certificates always expire > 30 days out: Cloudflare rotates them 30 days before.
// Previous certificates are what an IdP may still trust: some expire soon, some already did.
const acmeSets = [
  set("acme", 1, 35, 6, 700),
  set("acme", 2, 58, 20, 1100),
  set("acme", 3, 120, -40, 1300),
  set("acme", 4, 300, null, 800),
  set("acme", 5, 500, 29, 600),
  set("acme", 6, 700, null, 400),
  set("acme", 7, 1000, -200, 1200),
  set("acme", 8, 400, null, 700),
];
const globexSets = [
  set("globex", 1, 45, 3, 900),
  set("globex", 2, 90, null, 1000),
  set("globex", 3, 200, -5, 950),
  set("globex", 4, 650, null, 450),
  set("globex", 5, 1050, 12, 70),
];
// Enough sets for more than one page at the default per_page of 25.
const initechSets = Array.from({ length: 30 }, (_, i) =>
  set("initech", i + 1, 33 + i * 36, i % 4 === 0 ? 10 + i : i % 7 === 0 ? -30 - i : null, 1095 - i * 30),
);

/** The demo Cloudflare accounts (32-hex IDs). */
export const CLOUDFLARE_ACCOUNTS = {
  acme: { id: ids.hex("cloudflare/acme/account", 32), name: "Acme Corp", sets: acmeSets },
  globex: { id: ids.hex("cloudflare/globex/account", 32), name: "Globex", sets: globexSets },
  initech: { id: ids.hex("cloudflare/initech/account", 32), name: "Initech", sets: initechSets },
} satisfies Record<string, AccountPlan>;

const token = (label: string) =>
  ids.text(
    `cloudflare/token/${label}`,
    40,
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
  );

/** API tokens, by purpose. `daysToExpiry` is from the sandbox clock at seed time. */
export const CLOUDFLARE_TOKENS = {
  acme: {
    id: ids.hex("cloudflare/token/acme/id", 32),
    value: token("acme"),
    accounts: ["acme"],
    permissions: ["read", "write"],
    owner: "account",
    status: "active",
  },
  globex: {
    id: ids.hex("cloudflare/token/globex/id", 32),
    value: token("globex"),
    accounts: ["globex"],
    permissions: ["read", "write"],
    owner: "account",
    status: "active",
  },
  initech: {
    id: ids.hex("cloudflare/token/initech/id", 32),
    value: token("initech"),
    accounts: ["initech"],
    permissions: ["read", "write"],
    owner: "user",
    status: "active",
    daysToExpiry: 180,
  },
  acmeReadOnly: {
    id: ids.hex("cloudflare/token/acme-ro/id", 32),
    value: token("acme-ro"),
    accounts: ["acme"],
    permissions: ["read"],
    owner: "user",
    status: "active",
  },
  acmeExpired: {
    id: ids.hex("cloudflare/token/acme-expired/id", 32),
    value: token("acme-expired"),
    accounts: ["acme"],
    permissions: ["read", "write"],
    owner: "user",
    status: "active",
    daysToExpiry: -3,
  },
  acmeDisabled: {
    id: ids.hex("cloudflare/token/acme-disabled/id", 32),
    value: token("acme-disabled"),
    accounts: ["acme"],
    permissions: ["read", "write"],
    owner: "user",
    status: "disabled",
  },
  /** Active, but only for other products: verify says active, Access calls answer 403 10000. */
  acmeNoAccess: {
    id: ids.hex("cloudflare/token/acme-dns/id", 32),
    value: token("acme-dns"),
    accounts: ["acme"],
    permissions: [],
    owner: "user",
    status: "active",
  },
} as const;

/** A legacy global API key with access to Acme and Globex. */
export const CLOUDFLARE_GLOBAL_KEY = {
  email: "admin@acme.example",
  key: ids.hex("cloudflare/global-key", 37),
  accounts: ["acme", "globex"],
} as const;
