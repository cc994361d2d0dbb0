import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingListener, type CountingListener } from "@/lib/connections/testing/listener";
import { OutboundRefusedError } from "@/lib/net/guarded-fetch-like";
import { createVendorFetch } from "./vendor-fetch";

// The vendor HTTP path's last check, against real listeners on 127.0.0.1: a host that is neither
// a documented vendor API host nor named in TRUSTDECK_CUSTOM_VENDOR_HOSTS receives nothing; a
// named one goes through the outbound guard (pinned address, redirects never followed).

let listener: CountingListener;
let redirectTarget: CountingListener;
beforeAll(async () => {
  listener = await startCountingListener({ status: 200, body: { hello: "world" } });
  redirectTarget = await startCountingListener({ status: 200 });
});
afterAll(async () => {
  await Promise.all([listener.close(), redirectTarget.close()]);
});

const documentedCalls: string[] = [];
const documented = async (input: string | URL | Request) => {
  documentedCalls.push(String(input));
  return new Response("{}", { status: 200 });
};
const fetchWith = (
  hosts: string | undefined,
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>,
) => createVendorFetch({ env: () => ({ TRUSTDECK_CUSTOM_VENDOR_HOSTS: hosts }), documented, resolve });

describe("the vendor fetch", () => {
  it("refuses an unlisted custom host before connecting, in every notation of the listener", async () => {
    const port = new URL(listener.url).port;
    const notations = [
      `http://127.0.0.1:${port}/token`,
      `https://127.0.0.1:${port}/token`,
      `http://localhost:${port}/token`,
      `http://[::ffff:127.0.0.1]:${port}/token`,
      `http://2130706433:${port}/token`,
      `http://0x7f.1:${port}/token`,
      `http://127.1:${port}/token`,
    ];
    const vendorFetch = fetchWith(`127.0.0.1:${Number(port) + 1},localhost:1`);
    for (const url of notations)
      await expect(
        vendorFetch(url, { method: "POST", body: "client_secret=s3cret" }),
        url,
      ).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(fetchWith(undefined)(`http://127.0.0.1:${port}/`)).rejects.toThrow(
      /neither a documented vendor API host nor named in TRUSTDECK_CUSTOM_VENDOR_HOSTS/,
    );
    expect(listener.connections).toBe(0);
    expect(documentedCalls).toEqual([]);
  });

  it("refuses a look-alike of a documented host and hands documented hosts to the egress fetch", async () => {
    const vendorFetch = fetchWith(undefined);
    for (const url of [
      "https://cloud.uipath.com.evil.example/identity_/connect/token",
      "https://api.cloudflare.com:8443/client/v4",
      "http://api.cloudflare.com/client/v4",
      "https://cloud.uipаth.com/x", // Cyrillic "а"
    ])
      await expect(vendorFetch(url), url).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(documentedCalls).toEqual([]);
    await vendorFetch("https://API.cloudflare.com/client/v4/accounts");
    await vendorFetch("https://acme.dedicated.uipath.com/identity_/connect/token");
    await vendorFetch("https://identitystore.ap-southeast-1.myhuaweicloud.com/v1/x");
    expect(documentedCalls).toHaveLength(3);
  });

  it("sends to a listed custom host through the guard, to the address it checked", async () => {
    const response = await fetchWith(listener.host)(`${listener.url}/ok`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: "world" });
    expect(listener.requests.at(-1)).toMatchObject({ method: "POST", url: "/ok", body: "{}" });
    // A listed host name is pinned to the address the guard resolved.
    const port = new URL(listener.url).port;
    const viaName = fetchWith(`gateway.internal.test:${port}`, async () => [
      { address: "127.0.0.1", family: 4 },
    ]);
    expect((await viaName(`http://gateway.internal.test:${port}/named`)).status).toBe(200);
    expect(listener.requests.at(-1)).toMatchObject({ url: "/named" });
  });

  it("never follows a custom host's redirect", async () => {
    const target = `${redirectTarget.url}/stolen`;
    const redirector = await startCountingListener({ status: 302, headers: { location: target } });
    try {
      const response = await fetchWith(`${redirector.host},${redirectTarget.host}`)(
        `${redirector.url}/token`,
      );
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(target);
      expect(redirectTarget.connections).toBe(0);
    } finally {
      await redirector.close();
    }
  });

  it("follows the custom host setting as it changes: a withdrawn host is refused on the next request", async () => {
    const env: { TRUSTDECK_CUSTOM_VENDOR_HOSTS?: string } = { TRUSTDECK_CUSTOM_VENDOR_HOSTS: listener.host };
    const vendorFetch = createVendorFetch({ env: () => env, documented });
    expect((await vendorFetch(`${listener.url}/first`)).status).toBe(200);
    const sent = listener.requests.length;
    env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = "gateway.internal.test";
    await expect(vendorFetch(`${listener.url}/withdrawn`)).rejects.toBeInstanceOf(OutboundRefusedError);
    delete env.TRUSTDECK_CUSTOM_VENDOR_HOSTS;
    await expect(vendorFetch(`${listener.url}/unset`)).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(listener.requests.length).toBe(sent);
    env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = listener.host;
    expect((await vendorFetch(`${listener.url}/again`)).status).toBe(200);
    expect(listener.requests.at(-1)).toMatchObject({ url: "/again" });
  });
});
