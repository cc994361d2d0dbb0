import type { RequestContext, Reply } from "../core/http-types";
import type { Router } from "../core/router";
import type { CloudflareRuntime } from "./model";
import { authorize, type CfCaller } from "./auth";
import { AccountLocks, AUTO_ROTATE_BEFORE_MS, autoRotate, rotateSet, setDto } from "./certificate-sets";
import { fail, noRoute, ok } from "./envelope";
import type { CfAccount, CfCertificateSet } from "./model";

const ACCOUNT_ID = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE = "/client/v4/accounts/:accountId/access/saml_certificates";

/** A handler that knows its caller. */
export type CallerHandler = (ctx: RequestContext, caller: CfCaller) => Reply | Promise<Reply>;

/** C-1…C-4: list (paged), get, rotate, PEM download. */
export function registerSamlCertificateRoutes(
  router: Router,
  runtime: CloudflareRuntime,
  withCaller: (h: CallerHandler) => (ctx: RequestContext) => Promise<Reply>,
): void {
  const locks = new AccountLocks();
  const inAccount = (
    need: "read" | "write",
    next: (ctx: RequestContext, account: CfAccount) => Promise<Reply> | Reply,
  ) =>
    withCaller(async (ctx, caller) => {
      const accountId = ctx.params.accountId!;
      if (!ACCOUNT_ID.test(accountId)) return noRoute(ctx.rawPath);
      const denied = authorize(caller, accountId, need, ctx.now);
      if (denied) return denied;
      const account = runtime.state.accounts.find((a) => a.id === accountId);
      if (!account) return fail(403, [{ code: 10000, message: "Authentication error" }]);
      if (rotationDue(account, ctx.now))
        await locks.run(account, () => autoRotate(runtime, account, ctx.now));
      return next(ctx, account);
    });
  const inSet = (
    need: "read" | "write",
    next: (ctx: RequestContext, account: CfAccount, set: CfCertificateSet) => Promise<Reply> | Reply,
  ) =>
    inAccount(need, (ctx, account) => {
      const setId = ctx.params.setId!;
      if (!UUID.test(setId)) return noRoute(ctx.rawPath);
      const set = account.sets.find((s) => s.uid === setId);
      return set
        ? next(ctx, account, set)
        : fail(404, [{ code: 12130, message: "access.api.error.not_found" }]);
    });

  router.on(
    "GET",
    BASE,
    inAccount("read", (ctx, account) => list(runtime, ctx, account)),
  );
  router.on(
    "GET",
    `${BASE}/:setId`,
    inSet("read", (_ctx, _a, set) => ok(setDto(set))),
  );
  router.on(
    "POST",
    `${BASE}/:setId/rotate`,
    inSet("write", async (ctx, account, set) => {
      await rotateSet(runtime, account, set, ctx.now);
      return ok(setDto(set));
    }),
  );
  router.on(
    "GET",
    `${BASE}/:setId/pem`,
    inSet("read", (_ctx, _a, set) => {
      if (!set.current) return fail(404, [{ code: 12130, message: "access.api.error.not_found" }]);
      return {
        status: 200,
        headers: {
          "content-type": "application/x-pem-file",
          "content-disposition": 'attachment; filename="saml_certificate.pem"',
        },
        body: set.current.pem,
      };
    }),
  );
}

function rotationDue(account: CfAccount, now: Date): boolean {
  return account.sets.some(
    (s) => s.current && now.getTime() >= s.current.notAfter.getTime() - AUTO_ROTATE_BEFORE_MS,
  );
}

function list(runtime: CloudflareRuntime, ctx: RequestContext, account: CfAccount): Reply {
  const page = intParam(ctx, "page", 1);
  const perPage = intParam(ctx, "per_page", 25);
  if (page === undefined || page < 1)
    return fail(400, [{ code: 1001, message: "page must be an integer of at least 1" }]);
  if (perPage === undefined || perPage < 1 || perPage > 1000)
    return fail(400, [{ code: 1001, message: "per_page must be an integer between 1 and 1000" }]);
  const ids = ctx.query
    .get("id")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const all = ids ? account.sets.filter((s) => ids.includes(s.uid)) : account.sets;
  const totalPages = Math.ceil(all.length / perPage);
  let shownPage = page;
  // Past the end: documented as an empty result (the SDK stops on it); the switch echoes the last page.
  if (page > totalPages && totalPages > 0 && runtime.settings.cloudflarePastLastPage === "echo-last")
    shownPage = totalPages;
  const items = all.slice((shownPage - 1) * perPage, shownPage * perPage);
  return ok(items.map(setDto), {
    result_info: {
      page: shownPage,
      per_page: perPage,
      count: items.length,
      total_count: all.length,
      total_pages: totalPages,
    },
  });
}

function intParam(ctx: RequestContext, name: string, fallback: number): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}
