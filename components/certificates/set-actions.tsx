"use client";

import { useRouter } from "next/navigation";
import { createContext, lazy, Suspense, useContext, useState, type ReactNode } from "react";
import { useSessionEnded } from "@/components/shell/session-ended";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callWrite } from "@/components/writes/call-write";
import type { ActionResult } from "@/lib/auth/action-result";
import type { CertificateActionInput, CertificateWriteAction } from "@/lib/certificates/schemas";
import type { CertificateSet } from "@/lib/vendors/contracts";

// The action dialog (dropzone, certificate preview) loads when an action is chosen.
const SetActionDialog = lazy(() =>
  import("./set-action-dialog").then((m) => ({ default: m.SetActionDialog })),
);

type Chosen = { action: CertificateWriteAction; certificateId?: string };
type Notice = { tone: "success" | "error"; text: string };
type SetActionsState = { choose: (chosen: Chosen) => void; notice: Notice | null };

const SetActionsContext = createContext<SetActionsState>({ choose: () => {}, notice: null });

/**
 * The interactive part of a set's page: which change is being made (its dialog), sending it, and
 * the outcome's notice. The page itself (slots, previews, thumbprints) is rendered on the server
 * as `children`; its buttons and notice reach this state through context.
 */
export function SetActionsProvider({
  connectionId,
  set,
  vendorLabel,
  runAction,
  children,
}: {
  connectionId: string;
  set: CertificateSet;
  vendorLabel: string;
  runAction: ((input: CertificateActionInput) => Promise<ActionResult<CertificateSet>>) | null;
  children: ReactNode;
}) {
  const router = useRouter();
  const reportSessionEnded = useSessionEnded();
  const [dialog, setDialog] = useState<Chosen | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A new change starts with a clean page: the last one's notice belongs to the last one.
  const choose = (next: Chosen) => {
    setNotice(null);
    setDialog(next);
  };

  const submit = async ({ action, certificateId }: Chosen, pem?: string): Promise<string | null> => {
    setNotice(null); // an earlier success must not stand next to this change's outcome
    const input = {
      action,
      connectionId,
      setId: set.id,
      ...(certificateId ? { certificateId } : {}),
      ...(pem ? { pem } : {}),
    } as CertificateActionInput;
    const result = await callWrite(() => runAction!(input));
    // An ended session keeps the dialog open with what was entered; the notice in it offers to sign in.
    if (reportSessionEnded(result)) return "Nothing was sent: your session ended.";
    if (!result.ok) {
      // Loaded when a change fails: the list of error codes stays out of the page's first load.
      const [{ ERROR_CODES }, { nothingChangedAtVendor }] = await Promise.all([
        import("@/lib/auth/error-codes"),
        import("@/lib/certificates/refusal"),
      ]);
      const unchanged = nothingChangedAtVendor(result.code) ? ` Nothing was changed at ${vendorLabel}.` : "";
      // The server's own refusal of the PEM stays in the dialog, next to the input.
      if (ERROR_CODES[result.code] === "certificate") return `${result.message}${unchanged}`;
      setNotice({
        tone: "error",
        text: `${result.message}${unchanged}${result.requestId ? ` (vendor request id ${result.requestId})` : ""}`,
      });
    } else {
      setNotice({ tone: "success", text: result.message ?? "Done." });
    }
    router.refresh();
    return null;
  };

  return (
    <SetActionsContext.Provider value={{ choose, notice }}>
      {children}
      {dialog && runAction ? (
        <Suspense fallback={null}>
          <SetActionDialog
            set={set}
            action={dialog.action}
            certificateId={dialog.certificateId}
            onClose={() => setDialog(null)}
            onSubmit={(pem) => submit(dialog, pem)}
          />
        </Suspense>
      ) : null}
    </SetActionsContext.Provider>
  );
}

/** A button that opens the dialog of one change to the set (or to one of its certificates). */
export function SetActionButton({
  action,
  certificateId,
  variant,
  size,
  children,
}: Chosen & {
  variant: "primary" | "secondary" | "danger";
  size?: "sm";
  children: ReactNode;
}) {
  const { choose } = useContext(SetActionsContext);
  return (
    <Button variant={variant} size={size} onClick={() => choose({ action, certificateId })}>
      {children}
    </Button>
  );
}

/** The outcome of the last change made on this page. */
export function SetActionNotice() {
  const { notice } = useContext(SetActionsContext);
  return notice ? (
    <Alert tone={notice.tone} className="whitespace-pre-line">
      {notice.text}
    </Alert>
  ) : null;
}
