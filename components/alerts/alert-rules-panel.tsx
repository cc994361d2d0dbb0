"use client";

import { useRouter } from "next/navigation";
import { lazy, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/action-result";
import { VENDOR_LABELS } from "@/lib/vendors/labels";
import type { AlertRuleView } from "@/lib/inventory/alerts/types";
import type { AlertRuleInput } from "@/lib/inventory/alerts/schemas";

// The form (react-hook-form, zod) loads when a dialog opens, not with the page.
const AlertRuleForm = lazy(() => import("./alert-rule-form").then((m) => ({ default: m.AlertRuleForm })));

/** The admin's rule actions; absent for other roles, who only see the rules. */
export type AlertRuleActions = {
  save: (input: AlertRuleInput) => Promise<ActionResult<AlertRuleView>>;
  remove: (input: { id: string }) => Promise<ActionResult<null>>;
  sendTest: (input: { id: string }) => Promise<ActionResult<unknown>>;
};

type Editing =
  { mode: "create" } | { mode: "edit"; rule: AlertRuleView } | { mode: "delete"; rule: AlertRuleView } | null;

function scopeWords(rule: AlertRuleView, connections: { id: string; name: string }[]): string {
  const parts = [
    rule.scopeVendor ? VENDOR_LABELS[rule.scopeVendor] : null,
    connections.find((c) => c.id === rule.scopeConnectionId)?.name ?? null,
    rule.scopeSetId ? `set ${rule.scopeSetId}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "Everything";
}

/** The alert rules, with add, edit, delete and "send test" for admins. */
export function AlertRulesPanel({
  rules,
  connections,
  actions,
}: {
  rules: AlertRuleView[];
  connections: { id: string; name: string }[];
  actions: AlertRuleActions | null;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [testing, setTesting] = useState<string | null>(null);

  const done = (text: string) => {
    setEditing(null);
    setNotice({ tone: "success", text });
    router.refresh();
  };
  const sendTest = async (rule: AlertRuleView) => {
    setTesting(rule.id);
    const result = await actions!.sendTest({ id: rule.id });
    setTesting(null);
    setNotice({
      tone: result.ok ? "success" : "error",
      text: result.ok ? (result.message ?? "Sent.") : result.message,
    });
    router.refresh();
  };

  return (
    <section aria-labelledby="alert-rules" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="alert-rules" className="text-lg font-semibold">
          Alert rules
        </h2>
        {actions ? <Button onClick={() => setEditing({ mode: "create" })}>Add rule</Button> : null}
      </div>
      {notice ? (
        <Alert tone={notice.tone} className="break-words">
          {notice.text}
        </Alert>
      ) : null}
      {rules.length === 0 ? (
        <Alert title="No alert rules">
          {actions ? "Add one to be told before certificates expire." : "An admin can add rules."}
        </Alert>
      ) : (
        <Table caption="Alert rules">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Thresholds</Th>
              <Th>Scope</Th>
              <Th>Channel</Th>
              {actions ? <Th>Actions</Th> : null}
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} data-testid={`alert-rule-${rule.name}`}>
                <Td className="font-medium">
                  {rule.name} {rule.enabled ? null : <Badge>Disabled</Badge>}
                </Td>
                <Td>{rule.thresholds.map((t) => (t === "expired" ? "expired" : `${t} d`)).join(", ")}</Td>
                <Td>{scopeWords(rule, connections)}</Td>
                <Td>
                  {rule.channel === "in-app" ? (
                    "In-app"
                  ) : (
                    <span className="space-y-0.5">
                      <span className="block">
                        Webhook ({rule.webhookFormat === "slack" ? "Slack" : "JSON"})
                      </span>
                      <span className="block font-mono text-xs break-all">{rule.webhookUrl}</span>
                      <span className="block text-xs">
                        {rule.webhookSecretSet ? "Signed (secret set)" : "Unsigned"}
                      </span>
                    </span>
                  )}
                </Td>
                {actions ? (
                  <Td className="space-x-1 whitespace-nowrap">
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => sendTest(rule)}
                      disabled={testing === rule.id}
                    >
                      {testing === rule.id ? "Sending…" : "Send test"}
                    </Button>
                    <Button size="sm" variant="secondary" onClick={() => setEditing({ mode: "edit", rule })}>
                      Edit
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setEditing({ mode: "delete", rule })}>
                      Delete
                    </Button>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {actions && (editing?.mode === "create" || editing?.mode === "edit") ? (
        <Dialog
          open
          onOpenChange={(open) => !open && setEditing(null)}
          title={editing.mode === "create" ? "Add alert rule" : `Edit “${editing.rule.name}”`}
        >
          <AlertRuleForm
            rule={editing.mode === "edit" ? editing.rule : undefined}
            connections={connections}
            submit={actions.save}
            onDone={done}
          />
        </Dialog>
      ) : null}
      {actions && editing?.mode === "delete" ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setEditing(null)}
          title={`Delete “${editing.rule.name}”?`}
          consequence="Its pending webhook retries stop and its delivery history is removed; notifications already in the list stay."
          confirmLabel="Delete rule"
          danger
          onConfirm={async () => {
            const result = await actions.remove({ id: editing.rule.id });
            if (!result.ok) return result.message;
            done(result.message ?? "Deleted.");
            return null;
          }}
        />
      ) : null}
    </section>
  );
}
