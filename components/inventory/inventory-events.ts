"use client";

import { useEffect, useRef } from "react";

const INVENTORY_CHANGED = "trustdeck:inventory-changed";

type InventoryChangedDetail = { pending: Promise<unknown>[] };

/**
 * Tell the parts of the page that show the inventory that it changed (a connection was just
 * refreshed). Resolves when they have read it again; null when nothing on the page listens.
 */
export function announceInventoryChange(): Promise<unknown> | null {
  const detail: InventoryChangedDetail = { pending: [] };
  const unheard = window.dispatchEvent(new CustomEvent(INVENTORY_CHANGED, { detail, cancelable: true }));
  return unheard ? null : Promise.all(detail.pending);
}

/** Calls `reread` (whose promise the announcer waits for) whenever the inventory is announced as changed. */
export function useInventoryChange(reread: () => Promise<unknown>): void {
  const latest = useRef(reread);
  useEffect(() => {
    latest.current = reread;
  });
  useEffect(() => {
    const onChange = (event: Event) => {
      event.preventDefault(); // heard
      (event as CustomEvent<InventoryChangedDetail>).detail.pending.push(latest.current());
    };
    window.addEventListener(INVENTORY_CHANGED, onChange);
    return () => window.removeEventListener(INVENTORY_CHANGED, onChange);
  }, []);
}
