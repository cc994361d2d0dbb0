import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** An HTTPS server on an ephemeral port with a fresh self-signed certificate nobody trusts. */
export async function startUntrustedTlsServer(): Promise<{ url: string; close: () => void }> {
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
    const server = createServer(
      { key: readFileSync(join(dir, "k.pem")), cert: readFileSync(join(dir, "c.pem")) },
      (_req, res) => res.end("{}"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("the TLS server has no TCP address");
    return { url: `https://127.0.0.1:${address.port}`, close: () => server.close() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
