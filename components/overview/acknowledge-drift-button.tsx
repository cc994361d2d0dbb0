"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useSessionEnded } from "@/components/shell/session-ended";
import { Button } from "@/components/ui/button";
import { callWrite } from "@/components/writes/call-write";
import type { ActionResult } from "@/lib/auth/action-result";
import type { DriftAcknowledgeInput } from "@/lib/inventory/drift-schemas";

/** The server action behind the button (passed down by the page, only to operators and admins). */
export type AcknowledgeDrift = (input: DriftAcknowledgeInput) => Promise<ActionResult<unknown>>;

/**
 * "Acknowledge" on one drift entry: the entry leaves the list for everyone. A refusal is said next
 * to the button; an ended session shows the sign-in notice; someone else's earlier acknowledgement
 * reloads the list (the entry is gone already).
 */
export function AcknowledgeDriftButton({
  driftId,
  label,
  acknowledge,
}: {
  driftId: number;
  /** What the entry is about, for the button's accessible name. */
  label: string;
  acknowledge: AcknowledgeDrift;
}) {
  const router = useRouter();
  const reportSessionEnded = useSessionEnded();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  const onClick = async () => {
    setError(null);
    setBusy(true);
    const result = await callWrite(() => acknowledge({ id: driftId }));
    setBusy(false);
    if (reportSessionEnded(result)) return setError("Nothing was acknowledged: your session ended.");
    if (!result.ok) setError(result.message);
    if (result.ok || result.code === "already-acknowledged" || result.code === "not-found")
      startTransition(() => router.refresh());
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={busy}
        aria-label={`Acknowledge: ${label}`}
        onClick={onClick}
      >
        {busy ? "Acknowledging…" : "Acknowledge"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
