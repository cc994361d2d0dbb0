import type { Handler, RequestContext, Reply } from "../core/http-types";
import type { HuaweiRuntime } from "./model";
import { noPermission, notFound } from "./errors";
import type { HwCredential, IdentityStore } from "./model";
import { verifyRequest } from "./verify-request";

/** A handler that runs for an authenticated, authorised caller on one of its stores. */
export type StoreHandler = (
  ctx: RequestContext,
  store: IdentityStore,
  caller: HwCredential,
) => Reply | Promise<Reply>;

/** Signature check, then the IAM action (members are denied), then the caller's own identity store. */
export function createStoreGuard(runtime: HuaweiRuntime) {
  const authorised =
    (action: string, next: (ctx: RequestContext, caller: HwCredential) => Reply | Promise<Reply>): Handler =>
    (ctx) => {
      const verified = verifyRequest(runtime.state, ctx);
      if (!verified.ok) return verified.reply;
      // Only the management account or a delegated administrator may call Identity Center.
      if (verified.credential.role === "member") return noPermission(ctx, action);
      return next(ctx, verified.credential);
    };
  const inStore = (action: string, next: StoreHandler): Handler =>
    authorised(action, (ctx, caller) => {
      // A region's endpoint knows only the stores of that region (the root serves every region).
      const region = ctx.params.region;
      const store = runtime.state.stores.find(
        (s) =>
          s.id === ctx.params.storeId &&
          s.domainId === caller.domainId &&
          (region === undefined || s.region === region),
      );
      return store ? next(ctx, store, caller) : notFound(ctx, "identity store");
    });
  return { authorised, inStore };
}
