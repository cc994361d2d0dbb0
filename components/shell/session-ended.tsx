"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { isSessionEnded, signInAgainHref } from "@/lib/auth/session-ended";

/** Why the browser must sign in again: the session ended, or the role it carries no longer allows the request. */
type Reason = "ended" | "forbidden";

type SessionEndedState = {
  ended: Reason | null;
  /** Shows the notice if `outcome` (a result or a thrown error) says the session ended; true if it did. */
  report: (outcome: unknown) => boolean;
};

const SessionEndedContext = createContext<SessionEndedState>({ ended: null, report: isSessionEnded });

const reasonOf = (outcome: unknown): Reason =>
  (outcome as { code?: unknown } | null)?.code === "forbidden" ? "forbidden" : "ended";

/**
 * Remembers that the session ended, whichever request learnt it first: a result a component
 * reports, or a server action that threw because the proxy refused it and nobody caught it (an
 * unhandled rejection). Never a silent no-op: the notice appears in the page and in any open dialog.
 */
export function SessionEndedProvider({ children }: { children: ReactNode }) {
  const [ended, setEnded] = useState<Reason | null>(null);
  const report = useCallback((outcome: unknown) => {
    if (!isSessionEnded(outcome)) return false;
    setEnded(reasonOf(outcome));
    return true;
  }, []);
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (report(event.reason)) event.preventDefault();
    };
    window.addEventListener("unhandledrejection", onRejection);
    return () => window.removeEventListener("unhandledrejection", onRejection);
  }, [report]);
  const value = useMemo(() => ({ ended, report }), [ended, report]);
  return <SessionEndedContext.Provider value={value}>{children}</SessionEndedContext.Provider>;
}

/** `report(outcome)`: show the session-ended notice if the outcome says so (returns whether it did). */
export function useSessionEnded(): (outcome: unknown) => boolean {
  return useContext(SessionEndedContext).report;
}

/**
 * "Your session ended — sign in again", with a link that comes back to this page after sign-in,
 * and one that opens sign-in in a new tab so that what was typed here stays to be sent again.
 * Shown once the session is known to have ended (or when `show` says so); only ever in the browser,
 * so reading the location here cannot differ from the server's render.
 */
export function SessionEndedNotice({ show }: { show?: boolean }) {
  const { ended } = useContext(SessionEndedContext);
  if (!ended && !show) return null;
  const title =
    ended === "forbidden"
      ? "Your role does not allow this — sign in again"
      : "Your session ended — sign in again";
  const href = signInAgainHref(`${window.location.pathname}${window.location.search}`);
  return (
    <Alert tone="error" title={title}>
      <a href={href} className="font-medium underline">
        Sign in again
      </a>{" "}
      to come back to this page, or{" "}
      <a href={href} target="_blank" rel="noopener" className="underline">
        sign in in a new tab
      </a>{" "}
      and then try again here with what you entered.
    </Alert>
  );
}
