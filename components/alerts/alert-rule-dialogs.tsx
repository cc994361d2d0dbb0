"use client";

import { lazy } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import type { AlertRuleView } from "@/lib/inventory/alerts/types";
import type { AlertRuleActions, RuleEditing } from "./alert-rule-editor";

// The form (react-hook-form, zod) loads when a dialog opens, not with the page.
const AlertRuleForm = lazy(() => import("./alert-rule-form").then((m) => ({ default: m.AlertRuleForm })));

/** The add, edit and delete dialogs of the alert rules. */
export function AlertRuleDialogs({
  editing,
  close,
  connections,
  actions,
  done,
}: {
  editing: NonNullable<RuleEditing>;
  close: () => void;
  connections: { id: string; name: string }[];
  actions: AlertRuleActions;
  done: (message: string) => void;
}) {
  const onOpenChange = (open: boolean) => !open && close();
  if (editing.mode === "delete") {
    const rule: AlertRuleView = editing.rule;
    return (
      <ConfirmDialog
        open
        onOpenChange={onOpenChange}
        title={`Delete “${rule.name}”?`}
        consequence="Its pending webhook retries stop and its delivery history is removed; notifications already in the list stay."
        confirmLabel="Delete rule"
        danger
        onConfirm={async () => {
          const result = await actions.remove({ id: rule.id });
          if (!result.ok) return result.message;
          done(result.message ?? "Deleted.");
          return null;
        }}
      />
    );
  }
  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={editing.mode === "create" ? "Add alert rule" : `Edit “${editing.rule.name}”`}
    >
      <AlertRuleForm
        rule={editing.mode === "edit" ? editing.rule : undefined}
        connections={connections}
        submit={actions.save}
        onDone={done}
      />
    </Dialog>
  );
}
