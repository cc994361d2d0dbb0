import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { RequestListener } from "node:http";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allowCustomHost } from "./custom-host";

/**
 * An HTTPS server on an ephemeral port with a fresh self-signed certificate (CN=localhost) nobody
 * trusts unless given `certPem`; it answers `{}` unless a handler is given.
 */
export async function startUntrustedTlsServer(
  handler: RequestListener = (_req, res) => res.end("{}"),
): Promise<{ url: string; certPem: string; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "trustdeck-tls-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        join(dir, "k.pem"),
        "-out",
        join(dir, "c.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
      ],
      { stdio: "ignore" },
    );
    const certPem = readFileSync(join(dir, "c.pem"), "utf8");
    const server = createServer({ key: readFileSync(join(dir, "k.pem")), cert: certPem }, handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("the TLS server has no TCP address");
    const url = `https://127.0.0.1:${address.port}`;
    const forget = allowCustomHost(url); // a custom vendor host while it runs
    return {
      url,
      certPem,
      close: () => {
        forget();
        server.close();
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
