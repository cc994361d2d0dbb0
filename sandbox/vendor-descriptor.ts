import type { ServiceApp } from "./core/service-app";
import type { SettingSpecs } from "./core/settings";
import type { SharedRuntime, VendorRuntime } from "./runtime";
import type { SeedName } from "./seed/seed-context";
import { checkTenantShape, type TenantSeedRequest, type TenantShape } from "./core/tenants";

/** A demo connection in the dashboard's connection input shape (vendor-specific fields beside these). */
export interface DemoConnectionBase<Name extends string = string> {
  vendor: Name;
  name: string;
  baseUrl: string;
}

/**
 * Everything that makes one simulated vendor: declared in `sandbox/<vendor>/vendor.ts`, listed
 * once in `sandbox/vendors.ts`. The server, the CLI (ports, banner), the seed, the control plane
 * and the printed connection settings read it; none of them names a vendor.
 */
export interface VendorSpec<Name extends string, State, Settings extends object, Connection> {
  name: Name;
  /** How the banner names it. */
  label: string;
  /** Port of `npm run sandbox` (SANDBOX_PORT_<NAME> overrides it). */
  defaultPort: number;
  /** Path the dashboard's base URL adds to the origin ("" or e.g. "/client/v4"). */
  basePath: string;
  /** The vendor's own run-time switches (POST /__sandbox/settings). */
  settings: SettingSpecs<Settings>;
  /** Builds the state from the catalog, relative to the sandbox clock. */
  seed(ctx: SharedRuntime, seed: SeedName): Promise<State>;
  /** Restores what saving the state lost (class instances, e.g. rate windows, start afresh). */
  revive(saved: State): State;
  /** The simulator; `origin` is where it listens, known once the port is bound. */
  createApp(runtime: VendorRuntime<State, Settings>, origin: () => string): ServiceApp;
  /** The demo connections for the vendor's base URL. */
  demoConnections(baseUrl: string): Connection[];
  /**
   * Large tenants (POST /__sandbox/tenants): what they can hold, and how to add them to the state
   * and answer their connections for the vendor's base URL (additive, idempotent by name: use
   * `seedTenants` of core/tenants.ts). Optional: a vendor without it refuses such requests.
   */
  tenants?: {
    shape: TenantShape;
    add(
      runtime: VendorRuntime<State, Settings>,
      request: TenantSeedRequest,
      baseUrl: string,
    ): Promise<Connection[]>;
  };
}

/** One running simulator's state holder, with the state's type hidden from the server. */
export interface VendorInstance {
  app: ServiceApp;
  /** Replaces the state with a fresh seed. */
  reseed(seed: SeedName): Promise<void>;
  /** The state, for saving. */
  snapshot(): unknown;
  /** Adds large tenants; absent when the vendor cannot. */
  addTenants?(request: TenantSeedRequest, baseUrl: string): Promise<unknown[]>;
}

/** A registered vendor: its spec's plain facts, and a way to start it. */
export interface SandboxVendor<Name extends string, Settings extends object, Connection> {
  name: Name;
  label: string;
  defaultPort: number;
  basePath: string;
  settings: SettingSpecs<Settings>;
  demoConnections(baseUrl: string): Connection[];
  /** Seeds (or restores `saved`) and builds the simulator. */
  start(
    shared: SharedRuntime<Settings>,
    options: { seed: SeedName; saved?: unknown; origin: () => string },
  ): Promise<VendorInstance>;
}

/** Declares a vendor; keeps its state type inside its own folder. */
export function defineVendor<Name extends string, State, Settings extends object, Connection>(
  spec: VendorSpec<Name, State, Settings, Connection>,
): SandboxVendor<Name, Settings, Connection> {
  const { seed, revive, createApp, tenants, ...facts } = spec;
  return {
    ...facts,
    async start(shared, options) {
      // The saved state is what this vendor's snapshot wrote: its own State.
      const state =
        options.saved === undefined ? await seed(shared, options.seed) : revive(options.saved as State);
      const runtime: VendorRuntime<State, Settings> = { ...shared, state };
      return {
        app: createApp(runtime, options.origin),
        reseed: async (next) => {
          runtime.state = await seed(shared, next);
        },
        snapshot: () => runtime.state,
        ...(tenants && {
          addTenants: async (request: TenantSeedRequest, baseUrl: string) => {
            const problem = checkTenantShape(request, tenants.shape);
            if (problem) throw new Error(problem);
            return tenants.add(runtime, request, baseUrl);
          },
        }),
      };
    },
  };
}
