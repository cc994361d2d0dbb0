"use client";

import { useRouter } from "next/navigation";
import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useState,
  type ComponentProps,
  type ReactNode,
} from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-result";
import type { ConnectionInput, ConnectionUpdate } from "@/lib/connections/schemas";
import type { ConnectionView } from "@/lib/connections/types";
import type { ConnectionTestResult } from "@/lib/vendors/contracts";
import type { Testing } from "./connection-dialogs";

// The dialogs (and, inside them, the form) load when one opens, not with the page.
const ConnectionEditDialogs = lazy(() =>
  import("./connection-dialogs").then((m) => ({ default: m.ConnectionEditDialogs })),
);
const ConnectionTestDialog = lazy(() =>
  import("./connection-dialogs").then((m) => ({ default: m.ConnectionTestDialog })),
);

/** The admin's connection actions; absent for other roles. */
export type ConnectionActions = {
  create: (values: ConnectionInput) => Promise<ActionResult<ConnectionView>>;
  update: (values: ConnectionUpdate) => Promise<ActionResult<ConnectionView>>;
  setEnabled: (input: { id: string; enabled: boolean }) => Promise<ActionResult<ConnectionView>>;
  remove: (input: { id: string }) => Promise<ActionResult<null>>;
};

/** An operator's (or admin's) connection test. */
export type TestConnection = (input: { id: string }) => Promise<ActionResult<ConnectionTestResult>>;

/** Which dialog is open. */
export type ConnectionEditing =
  | { mode: "create" }
  | { mode: "edit"; connection: ConnectionView }
  | { mode: "delete"; connection: ConnectionView }
  | null;

/** What a test and enable / disable need of a connection (not the whole view, once per button). */
type Tested = Pick<ConnectionView, "id" | "name">;
type Toggled = Pick<ConnectionView, "id" | "enabled">;

type Notice = { tone: "success" | "error"; text: string };
type EditorState = {
  open: (editing: ConnectionEditing) => void;
  test: (connection: Tested) => void;
  toggle: (connection: Toggled) => Promise<void>;
  notice: Notice | null;
};

const EditorContext = createContext<EditorState>({
  open: () => {},
  test: () => {},
  toggle: async () => {},
  notice: null,
});

/**
 * The interactive part of the connections list: tests, enable / disable, the add, edit and delete
 * dialogs and the notice of the last change. The list itself is rendered on the server as `children`.
 */
export function ConnectionEditor({
  actions,
  testConnection,
  children,
}: {
  actions: ConnectionActions | null;
  testConnection: TestConnection | null;
  children: ReactNode;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<ConnectionEditing>(null);
  const [testing, setTesting] = useState<Testing | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const test = async ({ id, name }: Tested) => {
    setTesting({ name, id });
    const result = await testConnection!({ id });
    setTesting(result.ok ? { name, id, result: result.data } : { name, id, error: result.message });
    router.refresh();
  };
  const toggle = async (connection: Toggled) => {
    const result = await actions!.setEnabled({ id: connection.id, enabled: !connection.enabled });
    setNotice(
      result.ok
        ? { tone: "success", text: result.message ?? "Saved." }
        : { tone: "error", text: result.message },
    );
    router.refresh();
  };

  return (
    <EditorContext.Provider value={{ open: setEditing, test: (c) => void test(c), toggle, notice }}>
      {children}
      {testing ? (
        <Suspense fallback={null}>
          <ConnectionTestDialog testing={testing} close={() => setTesting(null)} />
        </Suspense>
      ) : null}
      {actions && editing ? (
        <Suspense fallback={null}>
          <ConnectionEditDialogs
            editing={editing}
            close={() => setEditing(null)}
            actions={actions}
            done={(text) => {
              setEditing(null);
              setNotice({ tone: "success", text });
              router.refresh();
            }}
          />
        </Suspense>
      ) : null}
    </EditorContext.Provider>
  );
}

type ButtonProps = Omit<ComponentProps<typeof Button>, "onClick">;

/** A button that opens the add, edit or delete dialog. */
export function ConnectionEditButton({
  editing,
  ...button
}: { editing: NonNullable<ConnectionEditing> } & ButtonProps) {
  const { open } = useContext(EditorContext);
  return <Button {...button} onClick={() => open(editing)} />;
}

/** "Test": a cheap authenticated read at the vendor, its result in a dialog. */
export function TestConnectionButton({ connection, ...button }: { connection: Tested } & ButtonProps) {
  const { test } = useContext(EditorContext);
  return <Button {...button} onClick={() => test(connection)} />;
}

/** "Enable" / "Disable". */
export function ToggleConnectionButton({ connection, ...button }: { connection: Toggled } & ButtonProps) {
  const { toggle } = useContext(EditorContext);
  return <Button {...button} onClick={() => void toggle(connection)} />;
}

/** The outcome of the last change to the connections. */
export function ConnectionNotice() {
  const { notice } = useContext(EditorContext);
  return notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null;
}
