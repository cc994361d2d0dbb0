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
import type { AlertRuleInput } from "@/lib/inventory/alerts/schemas";
import type { AlertRuleView } from "@/lib/inventory/alerts/types";

// The dialogs (and, inside them, the form) load when one opens, not with the page.
const AlertRuleDialogs = lazy(() =>
  import("./alert-rule-dialogs").then((m) => ({ default: m.AlertRuleDialogs })),
);

/** The admin's rule actions; absent for other roles, who only see the rules. */
export type AlertRuleActions = {
  save: (input: AlertRuleInput) => Promise<ActionResult<AlertRuleView>>;
  remove: (input: { id: string }) => Promise<ActionResult<null>>;
  sendTest: (input: { id: string }) => Promise<ActionResult<unknown>>;
};

/** Which dialog is open. */
export type RuleEditing =
  { mode: "create" } | { mode: "edit"; rule: AlertRuleView } | { mode: "delete"; rule: AlertRuleView } | null;

type Notice = { tone: "success" | "error"; text: string };
type EditorState = {
  open: (editing: RuleEditing) => void;
  notify: (notice: Notice) => void;
  notice: Notice | null;
  actions: AlertRuleActions | null;
};

const EditorContext = createContext<EditorState>({
  open: () => {},
  notify: () => {},
  notice: null,
  actions: null,
});

/**
 * The interactive part of the alert rules (admins only): which dialog is open and the notice of
 * the last change. The rules themselves are rendered on the server as `children`.
 */
export function AlertRuleEditor({
  connections,
  actions,
  children,
}: {
  connections: { id: string; name: string }[];
  actions: AlertRuleActions;
  children: ReactNode;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<RuleEditing>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = (next: Notice) => {
    setNotice(next);
    router.refresh();
  };
  return (
    <EditorContext.Provider value={{ open: setEditing, notify, notice, actions }}>
      {children}
      {editing ? (
        <Suspense fallback={null}>
          <AlertRuleDialogs
            editing={editing}
            close={() => setEditing(null)}
            connections={connections}
            actions={actions}
            done={(text) => {
              setEditing(null);
              notify({ tone: "success", text });
            }}
          />
        </Suspense>
      ) : null}
    </EditorContext.Provider>
  );
}

/** A button that opens one of the rule dialogs. */
export function RuleEditButton({
  editing,
  ...button
}: { editing: NonNullable<RuleEditing> } & Omit<ComponentProps<typeof Button>, "onClick">) {
  const { open } = useContext(EditorContext);
  return <Button {...button} onClick={() => open(editing)} />;
}

/** "Send test": one message through the rule's channel, its outcome in the notice. */
export function SendTestButton({ rule }: { rule: AlertRuleView }) {
  const { actions, notify } = useContext(EditorContext);
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    const result = await actions!.sendTest({ id: rule.id });
    setSending(false);
    notify({
      tone: result.ok ? "success" : "error",
      text: result.ok ? (result.message ?? "Sent.") : result.message,
    });
  };
  return (
    <Button size="sm" variant="secondary" onClick={() => void send()} disabled={sending}>
      {sending ? "Sending…" : "Send test"}
    </Button>
  );
}

/** The outcome of the last change to the rules. */
export function RuleNotice() {
  const { notice } = useContext(EditorContext);
  return notice ? (
    <Alert tone={notice.tone} className="break-words">
      {notice.text}
    </Alert>
  ) : null;
}
