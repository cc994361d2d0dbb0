import { TimeAgo } from "@/components/ui/relative-time";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConnectionView } from "@/lib/connections/types";
import { VENDOR_LABELS } from "@/lib/vendors/labels";
import { ConnectionEndpoints } from "./connection-endpoints";
import {
  ConnectionEditButton,
  ConnectionEditor,
  ConnectionNotice,
  TestConnectionButton,
  ToggleConnectionButton,
  type ConnectionActions,
  type TestConnection,
} from "./connection-editor";
import { VisibleText } from "@/components/ui/visible-text";

export type { ConnectionActions, TestConnection } from "./connection-editor";

/**
 * The connections list; admins also get add, edit, enable/disable and delete, operators a test.
 * Rendered on the server; only the buttons, the dialogs and the notice are interactive
 * (ConnectionEditor).
 */
export function ConnectionsPanel({
  connections,
  actions,
  testConnection,
}: {
  connections: ConnectionView[];
  actions: ConnectionActions | null;
  testConnection: TestConnection | null;
}) {
  const canManage = actions !== null;
  const panel = (
    <div className="space-y-4">
      {canManage ? (
        <div className="flex justify-end">
          <ConnectionEditButton editing={{ mode: "create" }}>Add connection</ConnectionEditButton>
        </div>
      ) : null}
      {canManage || testConnection ? <ConnectionNotice /> : null}
      {connections.length === 0 ? (
        <Alert title="No connections yet">
          {canManage
            ? "Add one to start reading certificates and credentials."
            : "An admin has to add the vendor accounts first."}
        </Alert>
      ) : (
        <Table caption="Connections">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Vendor</Th>
              <Th>Account</Th>
              <Th>Secrets</Th>
              <Th>Status</Th>
              <Th>Last test</Th>
              {canManage || testConnection ? <Th>Actions</Th> : null}
            </tr>
          </thead>
          <tbody>
            {connections.map((c) => (
              <tr key={c.id} data-testid={`connection-row-${c.name}`}>
                <Td className="font-medium">
                  <VisibleText text={c.name} />
                </Td>
                <Td>{VENDOR_LABELS[c.vendor]}</Td>
                <Td>
                  <ConnectionEndpoints endpoints={c.endpoints} />
                  <span className="block text-xs text-zinc-500">
                    {Object.entries(c.settings)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(" · ")}
                  </span>
                </Td>
                <Td>
                  {c.secretsSet.length ? (
                    c.secretsSet.map((s) => <Badge key={s} tone="ok">{`${s} set`}</Badge>)
                  ) : (
                    <Badge tone="danger">missing</Badge>
                  )}
                </Td>
                <Td>{c.enabled ? <Badge tone="ok">Enabled</Badge> : <Badge>Disabled</Badge>}</Td>
                <Td>
                  {c.lastTest ? (
                    <span title={c.lastTest.summary}>
                      <Badge tone={c.lastTest.ok ? "ok" : "danger"}>
                        {c.lastTest.ok ? "Passed" : "Failed"}
                      </Badge>{" "}
                      <span className="text-xs text-zinc-500">
                        <TimeAgo at={c.lastTest.at} />
                      </span>
                    </span>
                  ) : (
                    <span className="text-xs text-zinc-500">Not tested yet</span>
                  )}
                </Td>
                {testConnection && !canManage ? (
                  <Td>
                    <TestConnectionButton
                      connection={{ id: c.id, name: c.name }}
                      size="sm"
                      variant="secondary"
                      disabled={!c.enabled}
                    >
                      Test
                    </TestConnectionButton>
                  </Td>
                ) : null}
                {canManage ? (
                  <Td className="whitespace-nowrap">
                    <TestConnectionButton
                      connection={{ id: c.id, name: c.name }}
                      size="sm"
                      variant="secondary"
                      disabled={!c.enabled}
                      title={c.enabled ? undefined : "Enable the connection to test it"}
                    >
                      Test
                    </TestConnectionButton>{" "}
                    <ConnectionEditButton
                      size="sm"
                      variant="secondary"
                      editing={{ mode: "edit", connection: c }}
                    >
                      Edit
                    </ConnectionEditButton>{" "}
                    <ToggleConnectionButton
                      connection={{ id: c.id, enabled: c.enabled }}
                      size="sm"
                      variant="secondary"
                    >
                      {c.enabled ? "Disable" : "Enable"}
                    </ToggleConnectionButton>{" "}
                    <ConnectionEditButton
                      size="sm"
                      variant="ghost"
                      editing={{ mode: "delete", connection: c }}
                    >
                      Delete
                    </ConnectionEditButton>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
  return canManage || testConnection ? (
    <ConnectionEditor actions={actions} testConnection={testConnection}>
      {panel}
    </ConnectionEditor>
  ) : (
    panel
  );
}
