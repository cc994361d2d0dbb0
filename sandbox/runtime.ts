import type { KeyPool } from "./certs/key-pool";
import type { CloudflareState } from "./cloudflare/model";
import type { SandboxClock } from "./core/clock";
import type { IdSource } from "./core/ids";
import type { SandboxSettings } from "./core/settings";
import type { HuaweiState } from "./huawei/model";
import type { IssuerName } from "./issuers/issuer-profiles";
import type { JwksFetcher } from "./issuers/jwks-fetcher";
import type { UipathState } from "./uipath/model";

/** Every simulator's state; replaced as a whole on reset. */
export interface SandboxState {
  uipath: UipathState;
  cloudflare: CloudflareState;
  huawei: HuaweiState;
}

/** What the simulators share: the clock, switches, ID and key sources, the issuers, and the state. */
export interface SandboxRuntime {
  clock: SandboxClock;
  settings: SandboxSettings;
  ids: IdSource;
  keys: KeyPool;
  jwks: JwksFetcher;
  issuerUrls: Record<IssuerName, string>;
  state: SandboxState;
}
