import { DEFAULT_PORTS, startSandbox, type Sandbox } from "../server";
import { httpRequest } from "./http";

/** Every service on an ephemeral port. */
export const EPHEMERAL_PORTS = Object.fromEntries(Object.keys(DEFAULT_PORTS).map((name) => [name, 0]));

/** Starts a sandbox on ephemeral ports with the control plane, as the tests use it. */
export function startTestSandbox(): Promise<Sandbox> {
  return startSandbox({ ports: EPHEMERAL_PORTS, control: true });
}

/** Mints a JWT at a hosted issuer (over HTTPS, trusting the sandbox CA). */
export async function mint(sb: Sandbox, issuer: string, claims: Record<string, unknown>): Promise<string> {
  const res = await httpRequest(`${sb.urls.issuers[issuer]}/mint`, {
    method: "POST",
    ca: sb.caPem,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(claims),
  });
  const token = (res.json as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`mint failed: ${res.status} ${res.text}`);
  return token;
}
