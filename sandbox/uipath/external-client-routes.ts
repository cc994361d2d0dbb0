import type { Router } from "../core/router";
import type { createGuard } from "./api-guard";
import type { ExternalApp } from "./model";
import { aspJson, notFoundProblem } from "./responses";

const READ = ["PM.OAuthApp", "PM.OAuthApp.Read"];

const SCOPE_TEXT: Record<string, string> = {
  "PM.AuthSetting": "Manage authentication settings",
  "PM.OAuthApp": "Manage external applications",
  "PM.OAuthApp.Read": "Read external applications",
  "PM.OAuthApp.Write": "Write external applications",
  "PM.OAuthAppSecret.Write": "Generate external application secrets",
};

/** ExternalClientDto. UiPath returns secret values; the sandbox does too, so tests can prove the dashboard strips them. */
export function externalClientDto(app: ExternalApp) {
  return {
    name: app.name,
    id: app.id,
    secret: app.secrets[0]?.secret ?? null,
    isConfidential: app.isConfidential,
    redirectUri: app.redirectUri,
    resources: [
      {
        name: "PM",
        displayName: "Platform Management",
        description: "UiPath Platform Management API",
        scopes: app.scopes.map((name) => ({
          name,
          displayName: SCOPE_TEXT[name] ?? name,
          description: SCOPE_TEXT[name] ?? name,
          type: "application",
        })),
      },
    ],
    secrets: app.secrets.map((s) => ({ ...s })),
  };
}

/** U-6 list and U-7 get. */
export function registerExternalClientRoutes(router: Router, guard: ReturnType<typeof createGuard>): void {
  router.on(
    "GET",
    "/:org/identity_/api/ExternalClient/:partitionGlobalId",
    guard(READ, (_ctx, org) => aspJson(200, org.apps.map(externalClientDto))),
  );
  router.on(
    "GET",
    "/:org/identity_/api/ExternalClient/:partitionGlobalId/:clientId",
    guard(READ, (ctx, org) => {
      const app = org.apps.find((a) => a.id.toLowerCase() === ctx.params.clientId!.toLowerCase());
      return app ? aspJson(200, externalClientDto(app)) : notFoundProblem(ctx);
    }),
  );
}
