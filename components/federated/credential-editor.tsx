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
import type { Editing } from "./credential-dialogs";
import type { CredentialContext, CredentialWriteActions } from "./types";

// The dialogs (and, inside them, the form) load when one opens, not with the page.
const CredentialDialogs = lazy(() =>
  import("./credential-dialogs").then((m) => ({ default: m.CredentialDialogs })),
);

type EditorState = { open: (editing: Editing) => void; notice: string | null };

const EditorContext = createContext<EditorState>({ open: () => {}, notice: null });

/**
 * The interactive part of an application's card: which dialog is open (add, edit, delete), and the
 * notice of the last change. The card itself is rendered on the server as `children`; its buttons
 * and notice reach this state through context.
 */
export function CredentialEditor({
  context,
  actions,
  afterDelete,
  children,
}: {
  context: CredentialContext;
  actions: CredentialWriteActions;
  /** Where to go once the credential is deleted (its own page is gone); else the page is read again. */
  afterDelete?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <EditorContext.Provider value={{ open: setEditing, notice }}>
      {children}
      {editing ? (
        <Suspense fallback={null}>
          <CredentialDialogs
            editing={editing}
            close={() => setEditing(null)}
            context={context}
            actions={actions}
            onSettle={() => router.refresh()}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
              if (editing.mode === "delete" && afterDelete) router.push(afterDelete);
              else router.refresh();
            }}
          />
        </Suspense>
      ) : null}
    </EditorContext.Provider>
  );
}

/** A button that opens one of the card's dialogs. */
export function CredentialEditButton({
  editing,
  ...button
}: { editing: NonNullable<Editing> } & Omit<ComponentProps<typeof Button>, "onClick">) {
  const { open } = useContext(EditorContext);
  return <Button {...button} onClick={() => open(editing)} />;
}

/** The outcome of the last change made in this card. */
export function CredentialNotice() {
  const { notice } = useContext(EditorContext);
  return notice ? <Alert tone="success">{notice}</Alert> : null;
}
