"use client";

import { lazy, Suspense, type ComponentProps } from "react";

// The tester (JWT decoding, claim matching) is not part of the application page's first load: the
// server renders it, and the browser makes it interactive once its chunk arrives.
const TokenTester = lazy(() => import("./token-tester").then((m) => ({ default: m.TokenTester })));

/** The token tester, its code loaded after the page's first JavaScript. */
export function DeferredTokenTester(props: ComponentProps<typeof TokenTester>) {
  return (
    <Suspense fallback={<p className="text-sm text-zinc-600 dark:text-zinc-400">Loading the tester…</p>}>
      <TokenTester {...props} />
    </Suspense>
  );
}
