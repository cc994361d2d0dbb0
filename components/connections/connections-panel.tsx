"use client";

import { TimeAgo } from "@/components/ui/relative-time";
import { useRouter } from "next/navigation";
import { lazy, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/action-result";
import type { ConnectionInput, ConnectionUpdate } from "@/lib/connections/schemas";
import type { ConnectionView } from "@/lib/connections/types";
import type { ConnectionTestResult } from "@/lib/vendors/contracts";
import { VENDOR_LABELS } from "@/lib/vendors/labels";
import { ConnectionEndpoints } from "./connection-endpoints";
import { ConnectionTestResultView } from "./connection-test-result";
import { VisibleText } from "@/components/ui/visible-text";

// The form (react-hook-form, zod) loads when a dialog opens, not with the page.
const ConnectionForm = lazy(() => import("./connection-form").then((m) => ({ default: m.ConnectionForm })));

export type ConnectionActions = {
  create: (values: ConnectionInput) => Promise<ActionResult<ConnectionView>>;
  update: (values: ConnectionUpdate) => Promise<ActionResult<ConnectionView>>;
  setEnabled: (input: { id: string; enabled: boolean }) => Promise<ActionResult<ConnectionView>>;
  remove: (input: { id: string }) => Promise<ActionResult<null>>;
};

export type TestConnection = (input: { id: string }) => Promise<ActionResult<ConnectionTestResult>>;

type Editing =
  | { mode: "create" }
  | { mode: "edit"; connection: ConnectionView }
  | { mode: "delete"; connection: ConnectionView }
  | null;

/** The connections list; admins also get add, edit, enable/disable and delete. */
export function ConnectionsPanel({
  connections,
  actions,
  testConnection,
}: {
  connections: ConnectionView[];
  actions: ConnectionActions | null;
  testConnection: TestConnection | null;
}) {
  // An edit carries the connection's id; a new connection has none yet.
  const save = (values: ConnectionInput | ConnectionUpdate) =>
    "id" in values ? actions!.update(values) : actions!.create(values);
  const canManage = actions !== null;
  const [testing, setTesting] = useState<{
    name: string;
    id: string;
    result?: ConnectionTestResult;
    error?: string;
  } | null>(null);

  const runTest = async (connection: ConnectionView) => {
    setTesting({ name: connection.name, id: connection.id });
    const result = await testConnection!({ id: connection.id });
    setTesting(
      result.ok
        ? { name: connection.name, id: connection.id, result: result.data }
        : { name: connection.name, id: connection.id, error: result.message },
    );
    router.refresh();
  };
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const done = (text: string) => {
    setEditing(null);
    setNotice({ tone: "success", text });
    router.refresh();
  };

  return (
    <div className="space-y-4">
      {canManage ? (
        <div className="flex justify-end">
          <Button onClick={() => setEditing({ mode: "create" })}>Add connection</Button>
        </div>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
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
                    <Button size="sm" variant="secondary" onClick={() => runTest(c)} disabled={!c.enabled}>
                      Test
                    </Button>
                  </Td>
                ) : null}
                {canManage ? (
                  <Td className="whitespace-nowrap">
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => runTest(c)}
                      disabled={!c.enabled}
                      title={c.enabled ? undefined : "Enable the connection to test it"}
                    >
                      Test
                    </Button>{" "}
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => setEditing({ mode: "edit", connection: c })}
                    >
                      Edit
                    </Button>{" "}
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={async () => {
                        const result = await actions!.setEnabled({ id: c.id, enabled: !c.enabled });
                        setNotice(
                          result.ok
                            ? { tone: "success", text: result.message ?? "Saved." }
                            : { tone: "error", text: result.message },
                        );
                        router.refresh();
                      }}
                    >
                      {c.enabled ? "Disable" : "Enable"}
                    </Button>{" "}
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setEditing({ mode: "delete", connection: c })}
                    >
                      Delete
                    </Button>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {testing ? (
        <Dialog
          open
          onOpenChange={(open) => !open && setTesting(null)}
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
      ) : null}
      <Dialog
        open={editing?.mode === "create"}
        onOpenChange={(open) => !open && setEditing(null)}
        title="Add a connection"
        description="Secrets are encrypted on the server and never shown again."
      >
        <ConnectionForm submit={save} onDone={done} />
      </Dialog>
      {editing?.mode === "edit" ? (
        <Dialog
          open
          onOpenChange={(open) => !open && setEditing(null)}
          title={`Edit ${editing.connection.name}`}
          description="Leave a secret as it is to keep the stored value."
        >
          <ConnectionForm existing={editing.connection} submit={save} onDone={done} />
        </Dialog>
      ) : null}
      {editing?.mode === "delete" ? (
        <ConfirmDialog
          open
          danger
          onOpenChange={(open) => !open && setEditing(null)}
          title={`Delete ${editing.connection.name}?`}
          consequence={
            <p>
              Trustdeck forgets this {VENDOR_LABELS[editing.connection.vendor]} account and its stored
              secrets. Nothing changes at the vendor. Its audit history stays.
            </p>
          }
          confirmLabel="Delete connection"
          onConfirm={async () => {
            const result = await actions!.remove({ id: editing.connection.id });
            if (!result.ok) return result.message;
            done(result.message ?? "Deleted.");
            return null;
          }}
        />
      ) : null}
    </div>
  );
}
