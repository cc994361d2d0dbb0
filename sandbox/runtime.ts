import type { KeyPool } from "./certs/key-pool";
import type { SandboxClock } from "./core/clock";
import type { IdSource } from "./core/ids";
import type { CoreSettings } from "./core/settings";
import type { IssuerName } from "./issuers/issuer-profiles";
import type { JwksFetcher } from "./issuers/jwks-fetcher";

/** What every simulator shares: the clock, switches, ID and key sources, and the issuers. */
export interface SharedRuntime<Settings extends object = object> {
  clock: SandboxClock;
  /** One object for the whole sandbox: the core switches and every vendor's own. */
  settings: CoreSettings & Settings;
  ids: IdSource;
  keys: KeyPool;
  jwks: JwksFetcher;
  issuerUrls: Record<IssuerName, string>;
}

/** What one simulator's code sees: the shared pieces and its own state, replaced as a whole on reset. */
export interface VendorRuntime<State, Settings extends object = object> extends SharedRuntime<Settings> {
  state: State;
}
