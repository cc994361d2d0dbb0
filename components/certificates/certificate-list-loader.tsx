"use client";

import { startTransition, useEffect, useRef, useState, type ReactNode } from "react";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import type { CertificateList } from "@/lib/certificates/types";
import type { LiveCertificateList } from "./live-certificate-list";

/**
 * Shows the list the server rendered (`children`: the first screenful, no JavaScript) and, once
 * the page is interactive, loads the virtualised list with React Query and puts it in its place,
 * at the same scroll position. The first load of the page carries neither; the server's HTML is
 * what hydrates, so nothing the server rendered vanishes while the rest loads.
 */
export function CertificateListLoader({
  initial,
  filter,
  late,
  children,
}: {
  initial: CertificateList;
  filter: CertificateListFilter;
  late?: boolean;
  children: ReactNode;
}) {
  const [live, setLive] = useState<{ List: typeof LiveCertificateList; offset: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let mounted = true;
    void import("./live-certificate-list").then(({ LiveCertificateList }) => {
      // Where the server's list is scrolled to, read just before the swap.
      const offset = frame.current?.querySelector<HTMLElement>("[data-set-scroller]")?.scrollTop ?? 0;
      // A transition: React renders the interactive list in slices between input events, so the
      // swap is no long task on the main thread (the server's list stays until it is ready).
      if (mounted) startTransition(() => setLive({ List: LiveCertificateList, offset }));
    });
    return () => {
      mounted = false;
    };
  }, []);
  return (
    <div ref={frame}>
      {live ? (
        <live.List initial={initial} filter={filter} late={late} initialOffset={live.offset} />
      ) : (
        children
      )}
    </div>
  );
}
