import { readFileSync } from "node:fs";
import { request } from "node:https";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { FederatedCredentialsPage } from "./pages/federated.page";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";
import { SANDBOX, sandboxControl } from "./support/sandbox";
import { serverActionId } from "./support/server-actions";

const CONTOSO = "Contoso (sandbox)";
const GITHUB_ISSUER = `${SANDBOX.issuers}/github-actions`;
const AUDIENCE = "https://cloud.uipath.com/contoso";

/** Mints a JWT at a sandbox issuer through its HTTP API, as a pipeline would receive one. */
function mint(issuer: string, claims: Record<string, unknown>): Promise<string> {
  const ca = readFileSync(path.join(SANDBOX.dataDir, "ca.pem"), "utf8");
  return new Promise((resolve, reject) => {
    const req = request(
      `${issuer}/mint`,
      { method: "POST", ca, headers: { "content-type": "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { token?: string };
          if (body.token) resolve(body.token);
          else reject(new Error(`mint failed: HTTP ${res.statusCode}`));
        });
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(claims));
  });
}

test.describe("federated credentials", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // many vendor and issuer round trips
  test.beforeEach(async () => {
    await sandboxControl("uipath", "reset", {});
  });

  test("an operator creates from the GitHub template, passes the preflight, tests tokens, edits, and deletes with confirmation", async ({
    page,
  }) => {
    await signInAs(page, "operator");
    const federated = new FederatedCredentialsPage(page);
    await federated.goto();

    // The fleet app sits at UiPath's limit: the meter says so and adding is blocked.
    const fleet = federated.application("CI Fleet", CONTOSO);
    await expect(federated.meter(fleet)).toContainText("20 / 20");
    await expect(fleet.getByRole("button", { name: "Add credential" })).toBeDisabled();

    const nightly = federated.application("Nightly Reports", CONTOSO);
    await expect(federated.meter(nightly)).toContainText("0 / 20");
    const dialog = await federated.startAdd(nightly);
    await federated.fillGithub(dialog, {
      name: "e2e deploy",
      issuer: "https://localhost:1/unreachable",
      owner: "contoso",
      repo: "nightly",
      branch: "main",
    });
    await expect(dialog.getByTestId("subject-preview")).toHaveText(
      "repo:contoso/nightly:ref:refs/heads/main",
    );
    await expect(dialog.getByLabel("Audience")).toHaveValue(AUDIENCE);

    // Lint speaks before saving: a trailing slash on GitHub's issuer can never match.
    await dialog.getByLabel("Issuer", { exact: true }).fill("https://token.actions.githubusercontent.com/");
    await expect(dialog.getByTestId("lint-findings")).toContainText("differs by a trailing slash");

    // The preflight runs on the server and says exactly what failed.
    await dialog.getByLabel("Issuer", { exact: true }).fill("https://localhost:1/unreachable");
    await expect(dialog.getByTestId("lint-findings")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Add credential" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "Issuer preflight failed" })).toContainText(
      "localhost:1 refused the connection",
    );

    await dialog.getByLabel("Issuer", { exact: true }).fill(GITHUB_ISSUER);
    await dialog.getByRole("button", { name: "Check issuer" }).click();
    await expect(dialog.getByTestId("preflight-result")).toContainText("Issuer preflight passed");
    await expect(dialog.getByTestId("preflight-result")).toContainText("2 RSA keys usable for RS256");
    await dialog.getByRole("button", { name: "Add credential" }).click();
    await expect(page.getByText("Credential “e2e deploy” created.")).toBeVisible();
    await expect(federated.credentialRow(nightly, "e2e deploy")).toContainText(
      "repo:contoso/nightly:ref:refs/heads/main",
    );
    await expect(federated.meter(nightly)).toContainText("1 / 20");

    // The tester: a good token matches claim by claim, and UiPath grants a token for it.
    await federated.openApplication("Nightly Reports", CONTOSO);
    const tester = federated.tester();
    const good = await mint(GITHUB_ISSUER, {
      sub: "repo:contoso/nightly:ref:refs/heads/main",
      aud: AUDIENCE,
      expiresIn: 300,
    });
    await tester.paste(good);
    await expect(page.getByTestId("claim-exp")).toContainText(/expires in [45] min/);
    await expect(tester.verdict("e2e deploy")).toHaveAttribute("data-matches", "true");
    await expect(tester.check("e2e deploy", "kid")).toHaveAttribute("data-status", "pass");
    await tester.exchange();
    await expect(page.getByTestId("exchange-granted")).toContainText("PM.OAuthApp.Read");
    await expect(page.getByTestId("exchange-granted")).toContainText(/expiring in (1 h|59 min)/);

    // A token for another branch: the verdict names sub, and so does UiPath's refusal.
    const wrong = await mint(GITHUB_ISSUER, {
      sub: "repo:contoso/nightly:ref:refs/heads/dev",
      aud: AUDIENCE,
    });
    await tester.paste(wrong);
    await expect(tester.summary()).toContainText(
      "No credential of this application matches this token; the nearest is “e2e deploy” (fails on sub)",
    );
    await expect(tester.check("e2e deploy", "sub")).toHaveAttribute("data-status", "fail");
    await expect(tester.check("e2e deploy", "sub")).toContainText(
      "the token says “refs/heads/dev”, the credential expects “refs/heads/main”",
    );
    await tester.exchange();
    await expect(page.getByTestId("exchange-point")).toContainText(
      "UiPath's answer points at the subject (sub)",
    );

    // Edit: the template comes back from the saved subject; UiPath's PUT replaces every field.
    const card = federated.application("Nightly Reports");
    await federated
      .credentialRow(card, "e2e deploy")
      .getByRole("button", { name: "Edit e2e deploy" })
      .click();
    const edit = page.getByRole("dialog");
    await expect(edit.getByLabel("Template")).toHaveValue("github-actions");
    await expect(edit.getByLabel("Owner")).toHaveValue("contoso");
    await edit.getByLabel("Branch", { exact: true }).fill("release/2026");
    await expect(edit.getByTestId("subject-preview")).toHaveText(
      "repo:contoso/nightly:ref:refs/heads/release/2026",
    );
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Credential “e2e deploy” saved.")).toBeVisible();
    await expect(federated.credentialRow(card, "e2e deploy")).toContainText(
      "repo:contoso/nightly:ref:refs/heads/release/2026",
    );

    // Delete, after a confirmation that names the consequence.
    await federated
      .credentialRow(card, "e2e deploy")
      .getByRole("button", { name: "Delete e2e deploy" })
      .click();
    const confirm = page.getByRole("dialog");
    await expect(confirm).toContainText("will no longer get UiPath access tokens for Nightly Reports");
    await confirm.getByRole("button", { name: "Delete credential" }).click();
    await expect(page.getByText("Credential “e2e deploy” deleted.")).toBeVisible();
    await expect(federated.credentialRow(card, "e2e deploy")).toHaveCount(0);

    // Every write is in the audit log, the refused one with its reason; never a token.
    await page.goto("/audit?action=federated-credential");
    const rows = page.getByTestId("audit-row");
    await expect(
      rows.filter({ hasText: "federated-credential.create" }).filter({ hasText: "failure" }),
    ).toHaveCount(1);
    await expect(
      rows.filter({ hasText: "federated-credential.create" }).filter({ hasText: "success" }),
    ).toHaveCount(1);
    await expect(
      rows.filter({ hasText: "federated-credential.update" }).filter({ hasText: "success" }),
    ).toHaveCount(1);
    await expect(
      rows.filter({ hasText: "federated-credential.delete" }).filter({ hasText: "success" }),
    ).toHaveCount(1);
    await expect(rows.filter({ hasText: "federated-credential.test-exchange" })).toHaveCount(2);
    for (const details of await rows.locator("pre").allTextContents())
      expect(details).not.toContain(good.slice(0, 40));
  });

  test("adding a credential to the application Trustdeck connects with warns, needs an acknowledgement, and is audited high-signal", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "operator");
    const federated = new FederatedCredentialsPage(page);
    await federated.goto();
    const own = federated.application("Trustdeck", CONTOSO);
    await expect(own).toContainText("Trustdeck connects with this application");
    await expect(federated.application("Nightly Reports", CONTOSO)).not.toContainText(
      "Trustdeck connects with this application",
    );

    // Its connection and client id, for a hand-made call below (read before the dialog hides the page).
    const href = await own.getByRole("link", { name: "Trustdeck", exact: true }).getAttribute("href");
    const [, connectionId, clientId] = /\/federated-credentials\/([^/]+)\/([^/#?]+)/.exec(href ?? "") ?? [];

    // The warning is in the form before anything can be confirmed, and says what it means.
    const dialog = await federated.startAdd(own);
    await expect(dialog.getByTestId("self-application-warning")).toContainText(
      "any token from this issuer with this subject get Trustdeck's own admin rights at UiPath",
    );
    await federated.fillGithub(dialog, {
      name: "e2e self",
      issuer: GITHUB_ISSUER,
      owner: "contoso",
      repo: "robots",
      branch: "main",
    });
    await dialog.getByRole("button", { name: "Add credential" }).click();
    await expect(
      dialog.getByRole("alert").filter({ hasText: "needs the explicit acknowledgement" }),
    ).toBeVisible();
    await expect(dialog).toBeVisible(); // not saved

    // The server refuses it too: a hand-made call without the acknowledgement.
    const forged = await page.request.post("/federated-credentials", {
      headers: {
        "Next-Action": serverActionId("createFederatedCredentialAction"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: baseURL!,
      },
      data: JSON.stringify([
        {
          connectionId,
          clientId: decodeURIComponent(clientId ?? ""),
          name: "e2e forged",
          issuer: GITHUB_ISSUER,
          audience: AUDIENCE,
          subject: "repo:contoso/robots:ref:refs/heads/main",
        },
      ]),
    });
    expect(await forged.text()).toContain('"code":"acknowledgement-required"');

    // With the box ticked, it is saved.
    await dialog
      .getByLabel("I understand that tokens matching this credential get Trustdeck's admin rights at UiPath.")
      .check();
    await dialog.getByRole("button", { name: "Add credential" }).click();
    await expect(page.getByText("Credential “e2e self” created.")).toBeVisible();
    await expect(federated.credentialRow(own, "e2e self")).toBeVisible();

    // The audit log marks the refusal and the save (intent and outcome) high-signal; others not.
    await page.goto("/audit?action=federated-credential.create");
    const rows = page.getByTestId("audit-row");
    const refused = rows.filter({ hasText: "e2e forged" });
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText("denied");
    await expect(refused.getByTestId("audit-high-signal")).toBeVisible();
    const saved = rows.filter({ hasText: "e2e self" });
    await expect(saved).toHaveCount(2); // intent (pending) and outcome (success)
    await expect(saved.filter({ hasText: "success" }).getByTestId("audit-high-signal")).toBeVisible();
    await expect(saved.getByTestId("audit-high-signal")).toHaveCount(2);
    await expect(rows.filter({ hasText: "e2e deploy" }).getByTestId("audit-high-signal")).toHaveCount(0);
  });

  test("a viewer reads and tests tokens but cannot change or exchange, even by calling the actions", async ({
    page,
  }) => {
    await signInAs(page, "viewer");
    const federated = new FederatedCredentialsPage(page);
    await federated.goto();
    await expect(federated.meter(federated.application("GitHub Deploy", CONTOSO))).toContainText("3 / 20");
    await expect(page.getByRole("button", { name: "Add credential" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);

    await federated.openApplication("GitHub Deploy", CONTOSO);
    const token = await mint(GITHUB_ISSUER, {
      sub: "repo:Contoso/robots:environment:release",
      aud: AUDIENCE,
    });
    await federated.tester().paste(token);
    await expect(federated.tester().check("GitHub Actions — release", "sub")).toContainText(
      "sub differs only in case",
    );
    await expect(page.getByRole("button", { name: "Exchange for a token" })).toHaveCount(0);

    for (const action of ["exchangeTokenAction", "deleteFederatedCredentialAction"]) {
      const forged = await page.request.post("/federated-credentials", {
        headers: {
          "Next-Action": serverActionId(action),
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
        },
        data: JSON.stringify([
          {
            connectionId: "00000000-0000-4000-8000-000000000000",
            clientId: "x",
            credentialId: "y",
            assertion: token,
            scope: "PM.OAuthApp.Read",
          },
        ]),
      });
      expect(await forged.text()).toContain('"code":"forbidden"');
    }
  });
});
