import { readFileSync } from "node:fs";
import path from "node:path";

/** Where the e2e sandbox listens (playwright.config.ts starts it) and keeps its files. */
export const SANDBOX = {
  dataDir: path.join(process.cwd(), ".cache", "e2e-sandbox"),
  uipath: "http://127.0.0.1:4610",
  cloudflare: "http://127.0.0.1:4611/client/v4",
  huawei: "http://127.0.0.1:4612",
  issuers: "https://localhost:4613",
} as const;

type DemoConnection = { vendor: "uipath" | "cloudflare" | "huawei"; name: string; baseUrl: string } & Record<
  string,
  string
>;

/** The sandbox's ready-made connection settings (also seeded into the e2e database by name). */
export function sandboxConnections(): DemoConnection[] {
  return JSON.parse(readFileSync(path.join(SANDBOX.dataDir, "connections.json"), "utf8")) as DemoConnection[];
}

/** The origin of a vendor's sandbox port, where its `/__sandbox/*` control routes live. */
function controlOrigin(vendor: "uipath" | "cloudflare" | "huawei"): string {
  return new URL(SANDBOX[vendor]).origin;
}

/** Call a sandbox control route (reset, clock, faults, request log). */
export async function sandboxControl(
  vendor: "uipath" | "cloudflare" | "huawei",
  route: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
): Promise<unknown> {
  const response = await fetch(`${controlOrigin(vendor)}/__sandbox/${route}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`sandbox control ${method} ${route}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}
