// Deterministic fake inventory for the timeline bench: `count` certificates over three vendors,
// 50 connections and about 2 certificates per set, with validities that straddle today.
import type { TimelineCertificate } from "../lib/timeline/types";

const DAY = 86_400_000;
const VENDORS = ["uipath", "cloudflare", "huawei"] as const;

/** A small LCG, so every run draws the same inventory. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` certificates, in sets of 1 to 4, at 50 connections. */
export function fakeCertificates(count: number, now: Date): TimelineCertificate[] {
  const next = random(42);
  const out: TimelineCertificate[] = [];
  let set = 0;
  while (out.length < count) {
    const connection = set % 50;
    const vendor = VENDORS[connection % 3]!;
    const perSet = 1 + Math.floor(next() * 4);
    for (let i = 0; i < perSet && out.length < count; i++) {
      const start = now.getTime() - Math.floor(next() * 3 * 365) * DAY;
      const days = [365, 730, 1095][Math.floor(next() * 3)]!;
      const n = out.length;
      out.push({
        key: `conn-${connection}/set-${set}/${n.toString(16).padStart(64, "0")}`,
        vendor,
        connectionId: `conn-${connection}`,
        connectionName: `Connection ${connection}`,
        setId: `set-${set}`,
        setLabel: `SAML set ${set}`,
        setHref: `/certificates/conn-${connection}/set-${set}`,
        slot:
          vendor === "cloudflare"
            ? i === 0
              ? "current"
              : "previous"
            : vendor === "uipath"
              ? i === 0
                ? "primary"
                : "secondary"
              : `cert-${i}`,
        ...(vendor === "huawei" ? { state: i === 0 ? "ACTIVE" : "INACTIVE" } : {}),
        sha256: n.toString(16).toUpperCase().padStart(64, "0"),
        subject: `CN=idp-${n}.example.com,O=Example`,
        commonName: `idp-${n}.example.com`,
        notBefore: new Date(start).toISOString(),
        notAfter: new Date(start + days * DAY).toISOString(),
      });
    }
    set++;
  }
  return out;
}
