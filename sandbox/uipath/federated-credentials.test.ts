import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { UIPATH_ORGS } from "./catalog";
import { startTestSandbox } from "../testing/harness";
import { uipathCall, uipathToken } from "./testing";

const org = UIPATH_ORGS.contoso;
const deploy = org.apps[0]!;
const fleet = org.apps[1]!;
const empty = org.apps[2]!;
const list = (clientId: string, pgid = org.partitionGlobalId) =>
  `/identity_/api/ExternalClient/${pgid}/${clientId}/FederatedCredentials`;
let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  await sb.control.reset();
  token = await uipathToken(sb, "contoso");
});

const body = (patch: Record<string, unknown> = {}) => ({
  name: "deploy-prod",
  description: "Production deploys",
  issuer: sb.urls.issuers["github-actions"],
  audience: "https://cloud.uipath.com/contoso",
  subject: "repo:contoso/robots:environment:prod",
  ...patch,
});

type Dto = {
  id: string;
  clientId: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
};

describe("UiPath external clients", () => {
  it("lists and gets external clients (secret values included, as UiPath does)", async () => {
    const res = await uipathCall(
      sb,
      token,
      "GET",
      `/contoso/identity_/api/ExternalClient/${org.partitionGlobalId}`,
    );
    expect(res.status).toBe(200);
    const apps = res.json as Array<{
      id: string;
      name: string;
      secrets: Array<{ secret: string; expiryTime: string | null }>;
    }>;
    expect(apps.map((a) => a.name)).toEqual([
      "Trustdeck",
      "GitHub Deploy",
      "CI Fleet",
      "Nightly Reports",
      "Assistant (public)",
    ]);
    expect(apps[0]!.secrets[0]!.secret).toBe(org.dashboardApp.secret);
    const one = await uipathCall(
      sb,
      token,
      "GET",
      `/contoso/identity_/api/ExternalClient/${org.partitionGlobalId}/${deploy.id}`,
    );
    expect(one.json).toMatchObject({
      id: deploy.id,
      name: "GitHub Deploy",
      isConfidential: true,
      resources: [{ name: "PM" }],
    });
    expect(
      (
        await uipathCall(
          sb,
          token,
          "GET",
          `/contoso/identity_/api/ExternalClient/${org.partitionGlobalId}/00000000-0000-4000-8000-000000000000`,
        )
      ).status,
    ).toBe(404);
  });
});

describe("UiPath federated credentials", () => {
  it("lists (empty array when none), creates 201, gets, replaces with PUT, deletes 204", async () => {
    expect((await uipathCall(sb, token, "GET", list(empty.id))).json).toEqual([]);
    const seeded = (await uipathCall(sb, token, "GET", list(deploy.id))).json as Dto[];
    expect(seeded).toHaveLength(3);

    const advancedAt = Date.now();
    const now = await sb.control.advance(10 * 86_400_000);
    const t = await uipathToken(sb, "contoso");
    const created = await uipathCall(sb, t, "POST", list(empty.id), body());
    expect(created.status).toBe(201);
    const dto = created.json as Dto;
    expect(dto).toMatchObject({ clientId: empty.id, name: "deploy-prod", description: "Production deploys" });
    // Stamped from the sandbox clock, which kept running since `advance` by however long this took.
    expect(Date.parse(dto.createdAt) - now.getTime()).toBeGreaterThanOrEqual(-1000); // whole seconds
    expect(Date.parse(dto.createdAt) - now.getTime()).toBeLessThanOrEqual(Date.now() - advancedAt);
    expect(created.headers.location).toMatch(new RegExp(`${dto.id}$`));

    expect((await uipathCall(sb, t, "GET", `${list(empty.id)}/${dto.id}`)).json).toEqual(dto);
    await sb.control.advance(86_400_000);
    const t2 = await uipathToken(sb, "contoso");
    const replaced = await uipathCall(
      sb,
      t2,
      "PUT",
      `${list(empty.id)}/${dto.id}`,
      body({ name: "deploy-prod-2", description: undefined }),
    );
    expect(replaced.status).toBe(200);
    // PUT is a full replacement: the omitted description is gone.
    expect(replaced.json).toMatchObject({
      id: dto.id,
      name: "deploy-prod-2",
      description: null,
      createdAt: dto.createdAt,
    });
    expect(Date.parse((replaced.json as Dto).updatedAt) - Date.parse(dto.createdAt)).toBeGreaterThanOrEqual(
      86_400_000 - 1000,
    );

    const del = await uipathCall(sb, t2, "DELETE", `${list(empty.id)}/${dto.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect((await uipathCall(sb, t2, "DELETE", `${list(empty.id)}/${dto.id}`)).status).toBe(404);
    expect((await uipathCall(sb, t2, "GET", `${list(empty.id)}/${dto.id}`)).status).toBe(404);
  });

  it.each([
    ["a missing name", { name: undefined }, "name", "The Name field is required."],
    [
      "a name over 128",
      { name: "n".repeat(129) },
      "name",
      "The field Name must be a string with a maximum length of 128.",
    ],
    [
      "a description over 512",
      { description: "d".repeat(513) },
      "description",
      "The field Description must be a string with a maximum length of 512.",
    ],
    ["a missing issuer", { issuer: "" }, "issuer", "The Issuer field is required."],
    ["an http issuer", { issuer: "http://localhost/x" }, "issuer", "The Issuer must be a valid HTTPS URI."],
    ["a missing audience", { audience: undefined }, "audience", "The Audience field is required."],
    ["a missing subject", { subject: " " }, "subject", "The Subject field is required."],
    ["a numeric name", { name: 5 }, "$.name", "The JSON value could not be converted to System.String."],
  ])("refuses %s (400 model state)", async (_l, patch, field, message) => {
    const res = await uipathCall(sb, token, "POST", list(empty.id), body(patch));
    expect(res.status).toBe(400);
    expect((res.json as { errors: Record<string, string[]> }).errors[field]).toEqual([message]);
  });

  it("accepts exactly 128 / 512 characters", async () => {
    expect(
      (
        await uipathCall(
          sb,
          token,
          "POST",
          list(empty.id),
          body({ name: "n".repeat(128), description: "d".repeat(512) }),
        )
      ).status,
    ).toBe(201);
  });

  it("refuses a duplicate name case-insensitively, on create and update, and a duplicate issuer+subject", async () => {
    const dup = await uipathCall(sb, token, "POST", list(deploy.id), body({ name: "GITHUB ACTIONS" }));
    expect(dup.status).toBe(400);
    expect((dup.json as { errors: Record<string, string[]> }).errors.name).toHaveLength(1);
    const pair = await uipathCall(
      sb,
      token,
      "POST",
      list(deploy.id),
      body({ name: "another", subject: "repo:contoso/robots:ref:refs/heads/main" }),
    );
    expect((pair.json as { errors: Record<string, string[]> }).errors.subject).toHaveLength(1);
    const seeded = (await uipathCall(sb, token, "GET", list(deploy.id))).json as Dto[];
    const upd = await uipathCall(
      sb,
      token,
      "PUT",
      `${list(deploy.id)}/${seeded[1]!.id}`,
      body({ name: "github actions" }),
    );
    expect(upd.status).toBe(400);
    // Keeping a credential's own name is fine.
    expect(
      (
        await uipathCall(
          sb,
          token,
          "PUT",
          `${list(deploy.id)}/${seeded[0]!.id}`,
          body({ name: seeded[0]!.name }),
        )
      ).status,
    ).toBe(200);
  });

  it("refuses the 21st credential", async () => {
    expect(((await uipathCall(sb, token, "GET", list(fleet.id))).json as Dto[]).length).toBe(20);
    const res = await uipathCall(sb, token, "POST", list(fleet.id), body());
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      errors: { federatedCredentials: ["An application can have at most 20 federated credentials."] },
    });
  });

  it("checks the issuer's JWKS really: 404 JWKS, unknown host, injected timeout, on create and update", async () => {
    const noJwks = await uipathCall(
      sb,
      token,
      "POST",
      list(empty.id),
      body({ issuer: sb.urls.issuers["no-jwks"] }),
    );
    expect(noJwks.status).toBe(400);
    expect((noJwks.json as { errors: Record<string, string[]> }).errors.issuer![0]).toMatch(/unreachable/);
    expect(
      (await uipathCall(sb, token, "POST", list(empty.id), body({ issuer: "https://issuer.invalid/x" })))
        .status,
    ).toBe(400);

    await sb.control.settings({ jwksTimeoutMs: 300 });
    await sb.control.fault({ service: "issuers", path: "/gitlab/**", kind: "timeout", delayMs: 5000 });
    const slow = await uipathCall(
      sb,
      token,
      "POST",
      list(empty.id),
      body({ issuer: sb.urls.issuers.gitlab }),
    );
    expect(slow.status).toBe(400);
    const seeded = (await uipathCall(sb, token, "GET", list(deploy.id))).json as Dto[];
    expect(
      (
        await uipathCall(
          sb,
          token,
          "PUT",
          `${list(deploy.id)}/${seeded[0]!.id}`,
          body({ issuer: sb.urls.issuers.gitlab }),
        )
      ).status,
    ).toBe(400);
    await sb.control.clearFaults();
    // A real JWKS fetch must not race the 300 ms deadline set above: give it a generous one.
    await sb.control.settings({ jwksTimeoutMs: 30_000 });
    expect(
      (await uipathCall(sb, token, "POST", list(empty.id), body({ issuer: sb.urls.issuers.gitlab }))).status,
    ).toBe(201);
  });

  it("404 for an unknown client, credential, or another org's partition; 403 without a write scope", async () => {
    expect((await uipathCall(sb, token, "GET", list("00000000-0000-4000-8000-000000000000"))).status).toBe(
      404,
    );
    expect(
      (await uipathCall(sb, token, "GET", `${list(deploy.id)}/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
    expect(
      (await uipathCall(sb, token, "GET", list(deploy.id, UIPATH_ORGS.fabrikam.partitionGlobalId))).status,
    ).toBe(404);
    const reader = await uipathToken(sb, "fabrikam");
    const fab = UIPATH_ORGS.fabrikam;
    const path = `/identity_/api/ExternalClient/${fab.partitionGlobalId}/${fab.apps[0]!.id}/FederatedCredentials`;
    expect((await uipathCall(sb, reader, "GET", path)).status).toBe(200);
    expect((await uipathCall(sb, reader, "POST", path, body())).status).toBe(403);
  });

  it("is not served with an {organizationName} segment (the documented path has none)", async () => {
    const res = await uipathCall(sb, token, "GET", `/contoso${list(deploy.id)}`);
    expect(res.status).toBe(404);
  });

  it("rate-limits per organization: 160 writes per 5 minutes, then 429 with Retry-After (switchable)", async () => {
    const missing = `${list(deploy.id)}/00000000-0000-4000-8000-000000000000`;
    for (let i = 0; i < 160; i++) expect((await uipathCall(sb, token, "DELETE", missing)).status).toBe(404);
    const limited = await uipathCall(sb, token, "DELETE", missing);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Another organization has its own budget; GETs have theirs.
    expect((await uipathCall(sb, token, "GET", list(deploy.id))).status).toBe(200);
    await sb.control.settings({ uipathRetryAfter: false });
    expect((await uipathCall(sb, token, "DELETE", missing)).headers["retry-after"]).toBeUndefined();
    await sb.control.advance(5 * 60_000);
    const fresh = await uipathToken(sb, "contoso");
    expect((await uipathCall(sb, fresh, "DELETE", missing)).status).toBe(404);
  });
});
