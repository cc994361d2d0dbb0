"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog } from "./dialog";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** The consequence, in words: what will change and what cannot be undone. */
  consequence: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Runs the change; return an error message to keep the dialog open and show it. */
  onConfirm: () => Promise<string | null>;
};

/** Asks before a change and names its consequence; shows the server's answer if it fails. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  consequence,
  confirmLabel,
  danger,
  onConfirm,
}: ConfirmDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!pending) {
          setError(null);
          onOpenChange(next);
        }
      }}
      title={title}
    >
      <div className="space-y-4 text-sm text-zinc-700 dark:text-zinc-300">
        <div>{consequence}</div>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button
            variant={danger ? "danger" : "primary"}
            disabled={pending}
            onClick={async () => {
              setPending(true);
              setError(null);
              const message = await onConfirm().finally(() => setPending(false));
              if (message) setError(message);
              else onOpenChange(false);
            }}
          >
            {pending ? "Working…" : confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
