import type { RequestContext, Reply } from "../core/http-types";
import { empty } from "../core/reply";
import type { Router } from "../core/router";
import type { UipathRuntime } from "./model";
import type { createGuard } from "./api-guard";
import { applyInput, validateAgainstApp, validateFields } from "./federated-credential-rules";
import type { ExternalApp, FederatedCredential, UipathOrg } from "./model";
import { aspJson, notFoundProblem, validationProblem } from "./responses";
import { readJsonObject } from "./json-body";

const READ = ["PM.OAuthApp", "PM.OAuthApp.Read"];
const WRITE = ["PM.OAuthApp", "PM.OAuthApp.Write"];
// No {organizationName} segment on these paths: the documented form.
const LIST = "/identity_/api/ExternalClient/:partitionGlobalId/:clientId/FederatedCredentials";
const ITEM = `${LIST}/:credentialId`;

/** U-8…U-12: list, create, get, update (full replacement), delete. */
export function registerFederatedCredentialRoutes(
  router: Router,
  runtime: UipathRuntime,
  guard: ReturnType<typeof createGuard>,
): void {
  router.on(
    "GET",
    LIST,
    guard(READ, (ctx, org) => withApp(ctx, org, (app) => aspJson(200, app.federatedCredentials.map(dto)))),
  );
  router.on(
    "POST",
    LIST,
    guard(WRITE, (ctx, org) => withApp(ctx, org, (app) => create(runtime, ctx, app))),
  );
  router.on(
    "GET",
    ITEM,
    guard(READ, (ctx, org) => withCredential(ctx, org, (_app, c) => aspJson(200, dto(c)))),
  );
  router.on(
    "PUT",
    ITEM,
    guard(WRITE, (ctx, org) => withCredential(ctx, org, (app, c) => update(runtime, ctx, app, c))),
  );
  router.on(
    "DELETE",
    ITEM,
    guard(WRITE, (ctx, org) =>
      withCredential(ctx, org, (app, c) => {
        app.federatedCredentials = app.federatedCredentials.filter((x) => x !== c);
        return empty(204);
      }),
    ),
  );
}

async function create(runtime: UipathRuntime, ctx: RequestContext, app: ExternalApp): Promise<Reply> {
  const read = readJsonObject(ctx);
  if (!read.ok) return read.reply;
  const fields = validateFields(read.body);
  if (!fields.ok) return validationProblem(ctx, fields.errors);
  const errors = await validateAgainstApp(runtime, app, fields.input);
  if (errors) return validationProblem(ctx, errors);
  const now = ctx.now.toISOString();
  const credential = applyInput(
    {
      id: runtime.ids.uuid(runtime.ids.nextLabel("uipath/federated-credential")),
      clientId: app.id,
      createdAt: now,
    } as FederatedCredential,
    fields.input,
    now,
  );
  app.federatedCredentials.push(credential);
  const location = `http://${ctx.headers.host ?? "localhost"}${ctx.rawPath}/${credential.id}`;
  return aspJson(201, dto(credential), { location });
}

async function update(
  runtime: UipathRuntime,
  ctx: RequestContext,
  app: ExternalApp,
  credential: FederatedCredential,
): Promise<Reply> {
  const read = readJsonObject(ctx);
  if (!read.ok) return read.reply;
  const fields = validateFields(read.body);
  if (!fields.ok) return validationProblem(ctx, fields.errors);
  const errors = await validateAgainstApp(runtime, app, fields.input, credential.id);
  if (errors) return validationProblem(ctx, errors);
  applyInput(credential, fields.input, ctx.now.toISOString());
  return aspJson(200, dto(credential));
}

function withApp(
  ctx: RequestContext,
  org: UipathOrg,
  next: (app: ExternalApp) => Reply | Promise<Reply>,
): Reply | Promise<Reply> {
  const app = org.apps.find((a) => a.id.toLowerCase() === ctx.params.clientId!.toLowerCase());
  return app ? next(app) : notFoundProblem(ctx);
}

function withCredential(
  ctx: RequestContext,
  org: UipathOrg,
  next: (app: ExternalApp, credential: FederatedCredential) => Reply | Promise<Reply>,
): Reply | Promise<Reply> {
  return withApp(ctx, org, (app) => {
    const credential = app.federatedCredentials.find(
      (c) => c.id.toLowerCase() === ctx.params.credentialId!.toLowerCase(),
    );
    return credential ? next(app, credential) : notFoundProblem(ctx);
  });
}

/** FederatedCredentialDto (timestamps in UTC with a Z, seconds precision). */
function dto(c: FederatedCredential) {
  const utc = (iso: string) => iso.replace(/\.\d{3}Z$/, "Z");
  return {
    id: c.id,
    clientId: c.clientId,
    name: c.name,
    description: c.description,
    issuer: c.issuer,
    audience: c.audience,
    subject: c.subject,
    createdAt: utc(c.createdAt),
    updatedAt: utc(c.updatedAt),
  };
}
