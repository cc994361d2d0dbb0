import type { SandboxState } from "../runtime";
import type { SeedContext, SeedName } from "./seed-context";
import { seedCloudflare } from "./seed-cloudflare";
import { seedHuawei } from "./seed-huawei";
import { seedUipath } from "./seed-uipath";

/** Builds every simulator's state from the catalog, relative to the sandbox clock. */
export async function seedState(ctx: SeedContext, seed: SeedName): Promise<SandboxState> {
  const [uipath, cloudflare, huawei] = await Promise.all([
    seedUipath(ctx, seed),
    seedCloudflare(ctx, seed),
    seedHuawei(ctx, seed),
  ]);
  return { uipath, cloudflare, huawei };
}
