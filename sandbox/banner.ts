import { relative } from "node:path";
import type { Sandbox } from "./server";
import { SANDBOX_VENDORS } from "./vendors";

/** Where the files a banner names are, and how the sandbox runs. */
export interface BannerInfo {
  startupMs: number;
  control: boolean;
  persist: boolean;
  /** The demo connections with their credentials (mode 0600). */
  connectionsFile: string;
  /** pid, URLs, the IdP's client and users with their password (mode 0600). */
  infoFile: string;
  stateFile: string;
}

/**
 * What `npm run sandbox` prints: URLs, ports and the paths of the files holding the credentials,
 * never a client secret, API token, access key or password (terminals are logged and shared).
 */
export function sandboxBanner(
  sandbox: Pick<Sandbox, "urls" | "idp" | "caFile" | "restored">,
  info: BannerInfo,
): string {
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r && !r.startsWith("..") ? r : p;
  };
  return [
    `Trustdeck vendor sandbox ready in ${info.startupMs} ms`,
    "",
    ...SANDBOX_VENDORS.map((v) => `  ${v.label.padEnd(12)}${sandbox.urls[v.name]}`),
    ...Object.entries(sandbox.urls.issuers).map(
      ([name, url]) =>
        `  Issuer      ${url}${name === "no-jwks" ? "   (broken on purpose: its JWKS answers 404)" : ""}`,
    ),
    `  OIDC IdP    ${sandbox.idp.issuer}   client ${sandbox.idp.clientId}`,
    `              users ${sandbox.idp.users.map((u) => `${u.username} (${[u.groups].flat().join(", ") || "no groups"})`).join("; ")}`,
    `              redirect URI http://127.0.0.1:<port>/api/auth/callback/oidc (or localhost)`,
    "",
    `  CA          ${sandbox.caFile ?? "(in memory)"}`,
    `              export NODE_EXTRA_CA_CERTS=${sandbox.caFile ?? "<ca.pem>"}`,
    `  Control     ${info.control ? "enabled: /__sandbox/{reset,clock,faults,requests,settings}" : "disabled (use --control or SANDBOX_CONTROL=1)"}`,
    `  State       ${info.persist ? `${sandbox.restored ? "restored from" : "seeded; saved in"} ${rel(info.stateFile)}` : "in memory (use --persist or SANDBOX_PERSIST=1 to keep it)"}`,
    "",
    "Credentials (readable by you only):",
    `  ${rel(info.connectionsFile)}   the demo connections, ready to paste into Trustdeck`,
    `  ${rel(info.infoFile)}   the IdP's client secret and its users' password`,
    "",
    "Press Ctrl+C to stop.",
  ].join("\n");
}
