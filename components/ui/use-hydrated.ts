"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * True only in the browser once the page's scripts run (after hydration); false on the server and
 * in the hydrating render, so both render the same markup.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
