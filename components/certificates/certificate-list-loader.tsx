"use client";

import { startTransition, useEffect, useRef, useState, type ReactNode } from "react";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import type { CertificateList } from "@/lib/certificates/types";
import type { LiveCertificateList } from "./live-certificate-list";

type Live = { List: typeof LiveCertificateList; offset: number; list: CertificateList | null };

/**
 * Shows the list the server rendered (`children`: the first screenful, no JavaScript) and, once
 * the page is interactive, loads the virtualised list with React Query and its data and puts it in
 * its place, at the same scroll position. The page carries neither: every set's summary in the
 * page's flight data made it about 2 KB a set (1 MB at 500 sets, most of a phone's blocking time),
 * so the list reads them from /api/certificates after the page instead. The server's HTML is what
 * hydrates, so nothing it rendered vanishes while the rest loads.
 */
export function CertificateListLoader({
  filter,
  late,
  children,
}: {
  filter: CertificateListFilter;
  /** The server gave up waiting for the inventory; its list says so. */
  late?: boolean;
  children: ReactNode;
}) {
  const [live, setLive] = useState<Live | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let mounted = true;
    void import("./live-certificate-list").then(async ({ LiveCertificateList, readCertificateList }) => {
      // A failed read still swaps: the live list reads again at once and says what went wrong.
      const list = await readCertificateList().catch(() => null);
      // Where the server's list is scrolled to, read just before the swap.
      const offset = frame.current?.querySelector<HTMLElement>("[data-set-scroller]")?.scrollTop ?? 0;
      // A transition: React renders the interactive list in slices between input events, so the
      // swap is no long task on the main thread (the server's list stays until it is ready).
      if (mounted) startTransition(() => setLive({ List: LiveCertificateList, offset, list }));
    });
    return () => {
      mounted = false;
    };
  }, []);
  // The server's list is hidden in the swap and removed a frame later: hidden, its rows are out of
  // the layout, so removing them is cheap (removed while laid out, every node of every row cost a
  // layout invalidation inside the swap's long task).
  const [serverGone, setServerGone] = useState(false);
  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frameId = requestAnimationFrame(() => (timer = setTimeout(() => setServerGone(true))));
    return () => {
      cancelAnimationFrame(frameId);
      clearTimeout(timer);
    };
  }, [live]);
  return (
    // Says which list is in place (the interactive one reacts to refocus and filters): tests wait on it.
    <div ref={frame} data-certificate-list={live && serverGone ? "live" : "server"}>
      {live ? (
        <live.List
          initial={live.list ?? { entries: [], neverRead: [], readAt: new Date().toISOString() }}
          filter={filter}
          late={late || !live.list}
          initialOffset={live.offset}
        />
      ) : null}
      {serverGone ? null : <div hidden={live !== null}>{children}</div>}
    </div>
  );
}
