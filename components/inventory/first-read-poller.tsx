"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a connection's first read is still running on the server, render the page again now and then. */
export function FirstReadPoller({ everyMs = 3_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      The first read of this connection is under way…
    </p>
  );
}
