"use client";

import { lazy } from "react";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { callWrite, UNSETTLED_CODES } from "@/components/writes/call-write";
import type { FederatedCredential } from "@/lib/vendors/contracts";
import type { CredentialContext, CredentialWriteActions } from "./types";

// The form (react-hook-form, zod) loads when a dialog opens, not with the page.
const CredentialForm = lazy(() => import("./credential-form").then((m) => ({ default: m.CredentialForm })));

/** Which dialog is open. */
export type Editing =
  | { mode: "create" }
  | { mode: "edit"; credential: FederatedCredential }
  | { mode: "delete"; credential: FederatedCredential }
  | null;

type CredentialDialogsProps = {
  editing: Editing;
  close: () => void;
  context: CredentialContext;
  actions: CredentialWriteActions;
  onDone: (message: string) => void;
  /** Re-read the list behind the dialog (after an outcome that may have changed it). */
  onSettle?: () => void;
};

/** The add, edit and delete dialogs of one application's credentials. */
export function CredentialDialogs({
  editing,
  close,
  context,
  actions,
  onDone,
  onSettle,
}: CredentialDialogsProps) {
  if (!editing) return null;
  const onOpenChange = (open: boolean) => !open && close();
  if (editing.mode === "delete") {
    const c = editing.credential;
    return (
      <ConfirmDialog
        open
        danger
        onOpenChange={onOpenChange}
        title={`Delete ${c.name ?? "this credential"}?`}
        consequence={
          <div className="space-y-2">
            <p>
              Pipelines presenting tokens with issuer{" "}
              <code className="font-mono text-xs break-all">{c.issuer}</code> and subject{" "}
              <code className="font-mono text-xs break-all">{c.subject}</code> will no longer get UiPath
              access tokens for <strong>{context.appName}</strong>.
            </p>
            <p>UiPath keeps no copy: to restore access, create the credential again.</p>
          </div>
        }
        confirmLabel="Delete credential"
        onConfirm={async () => {
          const result = await callWrite(() =>
            actions.remove({
              connectionId: context.connectionId,
              clientId: context.clientId,
              credentialId: c.id,
            }),
          );
          if (!result.ok) {
            // The change may have been made: the list behind reads the vendor again.
            if (UNSETTLED_CODES.has(result.code)) onSettle?.();
            return `${result.message}${result.requestId ? ` (UiPath request id ${result.requestId})` : ""}`;
          }
          onDone(result.message ?? "Deleted.");
          return null;
        }}
      />
    );
  }
  const existing = editing.mode === "edit" ? editing.credential : undefined;
  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={existing ? `Edit ${existing.name ?? "credential"}` : "Add a federated credential"}
      description={
        existing
          ? "UiPath replaces every field; the issuer is checked again before saving."
          : "The issuer is checked (discovery and keys) before UiPath is asked to save."
      }
    >
      <CredentialForm
        context={context}
        existing={existing}
        actions={actions}
        onDone={onDone}
        onSettle={onSettle}
      />
    </Dialog>
  );
}
