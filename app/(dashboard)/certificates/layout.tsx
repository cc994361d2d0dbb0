import type { ReactNode } from "react";
import { QueryProvider } from "@/components/shell/query-provider";

/** The certificate pages read through React Query in the browser; no other page loads it. */
export default function CertificatesLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
