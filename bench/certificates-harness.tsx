// Bench-only page: the real certificate list (components/certificates/certificate-list.tsx) with
// N synthetic certificate sets over 10 connections, outside Next.js.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createRoot } from "react-dom/client";
import { CertificateList } from "@/components/certificates/certificate-list";
import type { CertificateList as CertificateListData } from "@/lib/certificates/types";
import type { ListedSet, ListedSlot } from "@/lib/certificates/listed-set";
import { certificateListFilterSchema } from "@/lib/certificates/schemas";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const VENDORS = ["uipath", "cloudflare", "huawei"] as const;
const SLOTS = {
  uipath: ["primary", "secondary"],
  cloudflare: ["current", "previous"],
  huawei: ["cer-a", "cer-b"],
} as const;

/** Sets spread over this many connections, as a mid-size tenant has them. */
const CONNECTIONS = 10;

function slot(i: number, j: number, vendor: (typeof VENDORS)[number]): ListedSlot {
  const hex = ((i * 7919 + j * 104729) >>> 0).toString(16).toUpperCase().padStart(8, "0").repeat(8);
  const notAfter = new Date(NOW + (((i * 37 + j * 11) % 800) - 60) * 86_400_000).toISOString();
  return {
    slot: SLOTS[vendor][j]!,
    vendorId: `${i}-${j}`,
    state: vendor === "huawei" ? (j === 0 ? "ACTIVE" : "INACTIVE") : undefined,
    certificate: {
      sha1: hex.slice(0, 40),
      sha256: hex,
      subject: `CN=sso-${i}.example.com,O=Bench`,
      issuer: `CN=sso-${i}.example.com,O=Bench`,
      commonName: `sso-${i}.example.com`,
      serialNumber: hex.slice(0, 16),
      notBefore: new Date(NOW - 400 * 86_400_000).toISOString(),
      notAfter,
      keyAlgorithm: "RSA",
      keySize: 2048,
      signatureAlgorithm: "sha256WithRSAEncryption",
    },
  };
}

function list(count: number): CertificateListData {
  const entries = Array.from({ length: count }, (_, i) => {
    const vendor = VENDORS[i % 3]!;
    const c = i % CONNECTIONS;
    const connection = {
      id: `00000000-0000-4000-8000-${String(c).padStart(12, "0")}`,
      name: `Connection ${c}`,
    };
    const set: ListedSet = {
      id: `set-${i}`,
      connectionId: connection.id,
      vendor,
      kind: vendor === "uipath" ? "uipath-saml" : vendor === "cloudflare" ? "cloudflare-saml" : "huawei-sp",
      label: `Bench set ${i}`,
      slots: [slot(i, 0, vendor), slot(i, 1, vendor)],
    };
    return { set, connection };
  });
  return { entries, neverRead: [], readAt: new Date(NOW).toISOString() };
}

const nextPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
  );

(window as unknown as { certificatesBench: unknown }).certificatesBench = {
  async mount(count: number) {
    const data = list(count);
    const root = createRoot(document.getElementById("root")!);
    const client = new QueryClient({
      defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false } },
    });
    const start = performance.now();
    root.render(
      <QueryClientProvider client={client}>
        <CertificateList initial={data} filter={certificateListFilterSchema.parse({})} />
      </QueryClientProvider>,
    );
    const painted = await nextPaint();
    return {
      painted: painted - start,
      rows: document.querySelectorAll("[data-testid=certificate-set-row]").length,
    };
  },
};
