import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { VENDOR_LABELS } from "@/lib/vendors/labels";
import type { AlertRuleView } from "@/lib/inventory/alerts/types";
import {
  AlertRuleEditor,
  RuleEditButton,
  RuleNotice,
  SendTestButton,
  type AlertRuleActions,
} from "./alert-rule-editor";

export type { AlertRuleActions } from "./alert-rule-editor";

function scopeWords(rule: AlertRuleView, connections: { id: string; name: string }[]): string {
  const parts = [
    rule.scopeVendor ? VENDOR_LABELS[rule.scopeVendor] : null,
    connections.find((c) => c.id === rule.scopeConnectionId)?.name ?? null,
    rule.scopeSetId ? `set ${rule.scopeSetId}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "Everything";
}

/**
 * The alert rules, with add, edit, delete and "send test" for admins. Rendered on the server; only
 * the buttons, the dialogs and the notice are interactive (AlertRuleEditor).
 */
export function AlertRulesPanel({
  rules,
  connections,
  actions,
}: {
  rules: AlertRuleView[];
  connections: { id: string; name: string }[];
  actions: AlertRuleActions | null;
}) {
  const panel = (
    <section aria-labelledby="alert-rules" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="alert-rules" className="text-lg font-semibold">
          Alert rules
        </h2>
        {actions ? <RuleEditButton editing={{ mode: "create" }}>Add rule</RuleEditButton> : null}
      </div>
      {actions ? <RuleNotice /> : null}
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
                    <SendTestButton rule={rule} />
                    <RuleEditButton size="sm" variant="secondary" editing={{ mode: "edit", rule }}>
                      Edit
                    </RuleEditButton>
                    <RuleEditButton size="sm" variant="ghost" editing={{ mode: "delete", rule }}>
                      Delete
                    </RuleEditButton>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
  return actions ? (
    <AlertRuleEditor connections={connections} actions={actions}>
      {panel}
    </AlertRuleEditor>
  ) : (
    panel
  );
}
