"use client";

import { lazy } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import type { ConnectionInput, ConnectionUpdate } from "@/lib/connections/schemas";
import type { ConnectionView } from "@/lib/connections/types";
import type { ConnectionTestResult } from "@/lib/vendors/contracts";
import { VENDOR_LABELS } from "@/lib/vendors/labels";
import type { ConnectionActions, ConnectionEditing } from "./connection-editor";
import { ConnectionTestResultView } from "./connection-test-result";

// The form (react-hook-form, zod) loads when a dialog opens, not with the page.
const ConnectionForm = lazy(() => import("./connection-form").then((m) => ({ default: m.ConnectionForm })));

/** A connection test under way or done. */
export type Testing = { name: string; id: string; result?: ConnectionTestResult; error?: string };

/** The test result dialog of one connection. */
export function ConnectionTestDialog({ testing, close }: { testing: Testing; close: () => void }) {
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && close()}
      title={`Test of ${testing.name}`}
      description="A cheap authenticated read at the vendor, with each check explained."
    >
      {testing.result ? (
        <ConnectionTestResultView result={testing.result} />
      ) : testing.error ? (
        <Alert tone="error">{testing.error}</Alert>
      ) : (
        <p role="status">Testing…</p>
      )}
    </Dialog>
  );
}

/** The add, edit and delete dialogs of the connections. */
export function ConnectionEditDialogs({
  editing,
  close,
  actions,
  done,
}: {
  editing: NonNullable<ConnectionEditing>;
  close: () => void;
  actions: ConnectionActions;
  done: (message: string) => void;
}) {
  const onOpenChange = (open: boolean) => !open && close();
  // An edit carries the connection's id; a new connection has none yet.
  const save = (values: ConnectionInput | ConnectionUpdate) =>
    "id" in values ? actions.update(values) : actions.create(values);
  if (editing.mode === "delete") {
    const connection: ConnectionView = editing.connection;
    return (
      <ConfirmDialog
        open
        danger
        onOpenChange={onOpenChange}
        title={`Delete ${connection.name}?`}
        consequence={
          <p>
            Trustdeck forgets this {VENDOR_LABELS[connection.vendor]} account and its stored secrets. Nothing
            changes at the vendor. Its audit history stays.
          </p>
        }
        confirmLabel="Delete connection"
        onConfirm={async () => {
          const result = await actions.remove({ id: connection.id });
          if (!result.ok) return result.message;
          done(result.message ?? "Deleted.");
          return null;
        }}
      />
    );
  }
  return editing.mode === "create" ? (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title="Add a connection"
      description="Secrets are encrypted on the server and never shown again."
    >
      <ConnectionForm submit={save} onDone={done} />
    </Dialog>
  ) : (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={`Edit ${editing.connection.name}`}
      description="Leave a secret as it is to keep the stored value."
    >
      <ConnectionForm existing={editing.connection} submit={save} onDone={done} />
    </Dialog>
  );
}
