import { expect, test } from "@playwright/test";
import { ConnectionsPage } from "./pages/connections.page";
import { signInAs } from "./support/sessions";
import { SANDBOX, sandboxConnections } from "./support/sandbox";

test.describe("test connection", () => {
  test("a working sandbox connection passes; a wrong token and a wrong account say precisely what is wrong; the list remembers", async ({
    page,
  }) => {
    await signInAs(page, "admin");
    const connections = new ConnectionsPage(page);
    await connections.goto();

    const acme = connections.row("Acme Corp (sandbox)");
    await acme.getByRole("button", { name: "Test" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("The connection works.")).toBeVisible();
    await expect(dialog.getByTestId("connection-check").first()).toContainText("✓ passed");
    await page.keyboard.press("Escape");
    await expect(acme).toContainText("Passed");

    const real = sandboxConnections().find((c) => c.name === "Acme Corp (sandbox)")!;
    await connections.addCloudflare({
      name: "Acme wrong token",
      baseUrl: SANDBOX.cloudflare,
      accountId: real.accountId!,
      apiToken: "not-a-real-token-value-0000000000",
    });
    await expect(page.getByText("Connection “Acme wrong token” added.")).toBeVisible();
    await connections.row("Acme wrong token").getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByText("The connection does not work yet.")).toBeVisible();
    await expect(dialog.getByTestId("connection-check").filter({ hasText: "✗ failed" })).toContainText(
      /token/i,
    );
    await page.keyboard.press("Escape");
    await expect(connections.row("Acme wrong token")).toContainText("Failed");

    await connections.addCloudflare({
      name: "Acme wrong account",
      baseUrl: SANDBOX.cloudflare,
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: real.apiToken!,
    });
    await connections.row("Acme wrong account").getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByTestId("connection-check").filter({ hasText: "✗ failed" })).toContainText(
      /account/i,
    );
    await page.keyboard.press("Escape");

    await connections.addCloudflare({
      name: "Nothing listens here",
      baseUrl: "http://127.0.0.1:9/client/v4",
      accountId: real.accountId!,
      apiToken: real.apiToken!,
    });
    await connections.row("Nothing listens here").getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByTestId("connection-check").filter({ hasText: "✗ failed" })).toContainText(
      /Cannot reach 127\.0\.0\.1:9/,
    );
    await page.keyboard.press("Escape");

    await page.goto("/audit?action=connection.test");
    await expect(page.getByTestId("audit-row").filter({ hasText: "Acme wrong token" }).first()).toContainText(
      "failure",
    );

    // Leave the seeded connections as they were: later specs refresh the whole inventory.
    await connections.goto();
    for (const name of ["Acme wrong token", "Acme wrong account", "Nothing listens here"])
      await connections.remove(name);
  });

  test("a connection chooses its URL forms: the card shows the resolved URLs and Test checks each of them", async ({
    page,
  }) => {
    await signInAs(page, "admin");
    const connections = new ConnectionsPage(page);
    await connections.goto();
    const demo = sandboxConnections();
    const contoso = demo.find((c) => c.vendor === "uipath" && c.name.includes("Contoso"))!;
    const singapore = demo.find((c) => c.vendor === "huawei" && c.name.includes("Singapore"))!;
    const dialog = page.getByRole("dialog");

    // UiPath through the token endpoint with the organization segment (not the default form).
    await connections.add(
      "uipath",
      "Contoso, organization token endpoint",
      { "Cloud platform": "custom", "Token endpoint": "organization" },
      {
        "Access URL": SANDBOX.uipath,
        "Organization name": contoso.organizationName!,
        "partitionGlobalId (organization ID)": contoso.partitionGlobalId!,
        "External application App ID": contoso.clientId!,
        "App secret": contoso.clientSecret!,
        Scopes: contoso.scopes!,
      },
    );
    const orgToken = `${SANDBOX.uipath}/${contoso.organizationName}/identity_/connect/token`;
    const uipath = connections.row("Contoso, organization token endpoint");
    await expect(uipath.getByTestId("connection-endpoints")).toContainText(
      "Token endpoint · with the organization segment",
    );
    await expect(uipath.getByTestId("connection-endpoints")).toContainText(orgToken);
    await expect(uipath).toContainText("tokenEndpointForm: organization");
    await uipath.getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByText("The connection works.")).toBeVisible();
    await expect(dialog.getByTestId("connection-check").first()).toContainText(`POST ${orgToken}`);
    await expect(dialog.getByTestId("connection-check").last()).toContainText(
      `GET ${SANDBOX.uipath}/identity_/api/ExternalClient/`,
    );
    await page.keyboard.press("Escape");
    await expect(uipath).toContainText("Passed");

    // A documented platform: the access URL follows from the choice, nothing to type.
    await connections.add(
      "uipath",
      "Contoso on Public Sector",
      { "Cloud platform": "public-sector" },
      {
        "Organization name": contoso.organizationName!,
        "partitionGlobalId (organization ID)": contoso.partitionGlobalId!,
        "External application App ID": contoso.clientId!,
        "App secret": contoso.clientSecret!,
      },
    );
    await expect(
      connections.row("Contoso on Public Sector").getByTestId("connection-endpoints"),
    ).toContainText(`https://govcloud.uipath.us/${contoso.organizationName}/identity_/api`);
    // Removed at once: nothing in the suite may call a real vendor host.
    await connections.remove("Contoso on Public Sector");

    // Huawei: the endpoint from the region (shown, not called: it is a real host)...
    await connections.add(
      "huawei",
      "Huawei Beijing from the region",
      { "Identity Store endpoint from": "region" },
      {
        Region: "cn-north-4",
        "Identity store ID": singapore.identityStoreId!,
        "Access key ID (AK)": singapore.accessKeyId!,
        "Secret access key (SK)": singapore.secretAccessKey!,
      },
    );
    const fromRegion = connections.row("Huawei Beijing from the region").getByTestId("connection-endpoints");
    await expect(fromRegion).toContainText("Identity Store endpoint · region cn-north-4");
    await expect(fromRegion).toContainText("https://identitystore.cn-north-4.myhuaweicloud.com");
    await connections.remove("Huawei Beijing from the region");
    // ...and a custom endpoint: the sandbox's endpoint of the store's region, which Test checks.
    const regional = `${SANDBOX.huawei}/${singapore.region}`;
    await connections.add(
      "huawei",
      "Huawei Singapore regional endpoint",
      { "Identity Store endpoint from": "custom" },
      {
        Region: singapore.region!,
        "Custom Identity Store endpoint": regional,
        "Identity store ID": singapore.identityStoreId!,
        "Access key ID (AK)": singapore.accessKeyId!,
        "Secret access key (SK)": singapore.secretAccessKey!,
      },
    );
    const huawei = connections.row("Huawei Singapore regional endpoint");
    await expect(huawei.getByTestId("connection-endpoints")).toContainText(regional);
    await huawei.getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByText("The connection works.")).toBeVisible();
    await expect(dialog.getByTestId("connection-check").first()).toContainText(
      `GET ${regional}/v1/identity-stores/${singapore.identityStoreId}/saml-certificates`,
    );
    await page.keyboard.press("Escape");

    // A region the vendor does not document is refused on its field, with the way out.
    await connections.addButton().click();
    await dialog.getByLabel("Vendor").selectOption("huawei");
    await dialog.getByLabel("Name", { exact: true }).fill("Huawei undocumented region");
    await dialog.getByLabel("Identity store ID", { exact: true }).fill(singapore.identityStoreId!);
    await dialog.getByLabel("Access key ID (AK)", { exact: true }).fill(singapore.accessKeyId!);
    await dialog.getByLabel("Secret access key (SK)", { exact: true }).fill(singapore.secretAccessKey!);
    // The form shows the endpoint the region resolves to while it is typed.
    const preview = dialog.getByTestId("connection-url-preview");
    await dialog.getByLabel("Region", { exact: true }).fill("la-south-2");
    await expect(preview).toContainText("https://identitystore.la-south-2.myhuaweicloud.com");
    await dialog.getByLabel("Region", { exact: true }).fill("me-east-1");
    await expect(preview).toContainText("https://identitystore.me-east-1.myhuaweicloud.com");
    await dialog.getByLabel("Region", { exact: true }).fill("eu-west-101");
    await expect(preview).toHaveCount(0);
    await dialog.getByRole("button", { name: "Add connection" }).click();
    await expect(dialog.getByText(/documents no Identity Store endpoint in eu-west-101/)).toBeVisible();
    await page.keyboard.press("Escape");

    for (const name of ["Contoso, organization token endpoint", "Huawei Singapore regional endpoint"])
      await connections.remove(name);
  });
});
