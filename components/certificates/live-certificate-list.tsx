"use client";

import type { ComponentProps } from "react";
import { QueryProvider } from "@/components/shell/query-provider";
import { CertificateList } from "./certificate-list";

export { fetchList as readCertificateList } from "./certificate-list";

/** The interactive certificate list with its own React Query cache: loaded after the page, not with it. */
export function LiveCertificateList(props: ComponentProps<typeof CertificateList>) {
  return (
    <QueryProvider>
      <CertificateList {...props} />
    </QueryProvider>
  );
}
