import "@abraham/reflection";
import * as x509 from "@peculiar/x509";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { webcrypto } from "node:crypto";
import { exportPrivateKeyPem, issueCertificate } from "./issue-certificate";
import { RSA_SHA256 } from "./key-pool";

/** The local CA that signs the HTTPS issuers' TLS certificate. */
export interface LocalCa {
  name: string;
  keys: CryptoKeyPair;
  pem: string;
  /** Where the PEM lives, when persisted. */
  file?: string;
}

const CA_NAME = "CN=Trustdeck Sandbox Local CA, O=Trustdeck Sandbox";
const TEN_YEARS_MS = 10 * 365.25 * 24 * 3600 * 1000;
/** Regenerate when less than this is left, so a stale CA never surprises a demo. */
const MIN_REMAINING_MS = 30 * 24 * 3600 * 1000;

/**
 * Loads the CA from `dataDir` (ca.pem + ca-key.pem) or creates and persists it, so
 * NODE_EXTRA_CA_CERTS stays valid between runs. Without a data dir the CA is in memory.
 */
export async function loadOrCreateCa(generateKeys: () => Promise<CryptoKeyPair>, dataDir?: string): Promise<LocalCa> {
  if (dataDir) {
    const loaded = await loadCa(dataDir);
    if (loaded) return loaded;
  }
  const keys = await generateKeys();
  const now = Date.now();
  const cert = await issueCertificate({
    subject: CA_NAME,
    keys,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + TEN_YEARS_MS),
    serialBytes: 16,
    profile: "ca",
  });
  if (!dataDir) return { name: CA_NAME, keys, pem: cert.pem };
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, "ca.pem");
  const keyFile = join(dataDir, "ca-key.pem");
  await writeFile(keyFile, await exportPrivateKeyPem(keys.privateKey), { mode: 0o600 });
  await chmod(keyFile, 0o600);
  await writeFile(file, cert.pem);
  return { name: CA_NAME, keys, pem: cert.pem, file };
}

async function loadCa(dataDir: string): Promise<LocalCa | undefined> {
  const file = join(dataDir, "ca.pem");
  const keyFile = join(dataDir, "ca-key.pem");
  if (!existsSync(file) || !existsSync(keyFile)) return undefined;
  try {
    const pem = await readFile(file, "utf8");
    const cert = new x509.X509Certificate(pem);
    if (cert.notAfter.getTime() - Date.now() < MIN_REMAINING_MS) return undefined;
    const keyPem = await readFile(keyFile, "utf8");
    const der = Buffer.from(keyPem.replace(/-----[A-Z ]+-----|\s+/g, ""), "base64");
    const privateKey = await webcrypto.subtle.importKey("pkcs8", der, RSA_SHA256, true, ["sign"]);
    const publicKey = await cert.publicKey.export(RSA_SHA256, ["verify"]);
    return { name: cert.subject, keys: { privateKey, publicKey }, pem, file };
  } catch {
    return undefined;
  }
}

/** Issues the TLS server certificate for localhost / 127.0.0.1, signed by the CA. */
export async function issueTlsCertificate(ca: LocalCa, keys: CryptoKeyPair): Promise<{ cert: string; key: string }> {
  const now = Date.now();
  const leaf = await issueCertificate({
    subject: "CN=localhost, O=Trustdeck Sandbox",
    keys,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 365 * 24 * 3600 * 1000),
    serialBytes: 16,
    profile: "tls-server",
    issuer: { name: ca.name, keys: ca.keys },
    altNames: { dns: ["localhost"], ip: ["127.0.0.1", "::1"] },
  });
  return { cert: leaf.pem, key: await exportPrivateKeyPem(keys.privateKey) };
}
