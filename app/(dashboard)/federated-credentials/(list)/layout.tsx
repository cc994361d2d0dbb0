import type { ReactNode } from "react";
import { QueryProvider } from "@/components/shell/query-provider";

/** The list reads through React Query in the browser; the rest of the dashboard does not load it. */
export default function FederatedListLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
