"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-result";
import { ERROR_CODES } from "@/lib/auth/error-codes";
import type { CertificateActionInput, CertificateWriteAction } from "@/lib/certificates/schemas";
import { setBreaksAt, slotStatus } from "@/lib/certificates/status";
import { actionLabel, descriptorOf, NAMED_SLOTS, vendorLabel } from "@/lib/vendors/descriptors";
import { nothingChangedAtVendor } from "@/lib/certificates/refusal";
import type { CertificateSet, CertificateSlot } from "@/lib/vendors/contracts";
import { callWrite } from "@/components/writes/call-write";
import { useSessionEnded } from "@/components/shell/session-ended";
import { CertificatePreview } from "@/components/x509/certificate-preview";
import { StatusBadge } from "./status-badge";

// The action dialog (dropzone, certificate preview) loads when an action is chosen.
const SetActionDialog = lazy(() =>
  import("./set-action-dialog").then((m) => ({ default: m.SetActionDialog })),
);

const SET_ACTIONS: CertificateWriteAction[] = [
  "rotate",
  "upload-secondary",
  "upload-primary",
  "switch",
  "create-sp-certificate",
  "import-idp-certificate",
];

type Props = {
  connectionId: string;
  set: CertificateSet;
  readAt: string;
  /** Present for operators and admins only. */
  runAction: ((input: CertificateActionInput) => Promise<ActionResult<CertificateSet>>) | null;
};

function slotTitle(slot: CertificateSlot): string {
  return NAMED_SLOTS.has(slot.slot) ? `${slot.slot[0]!.toUpperCase()}${slot.slot.slice(1)}` : "Certificate";
}

/** A set's slots side by side, with downloads and the changes the vendor allows now. */
export function CertificateSetDetail({ connectionId, set, readAt, runAction }: Props) {
  const router = useRouter();
  const reportSessionEnded = useSessionEnded();
  const [dialog, setDialog] = useState<{ action: CertificateWriteAction; certificateId?: string } | null>(
    null,
  );
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const now = new Date(readAt);
  // A new change starts with a clean page: the last one's notice belongs to the last one.
  const openDialog = (next: { action: CertificateWriteAction; certificateId?: string }) => {
    setNotice(null);
    setDialog(next);
  };
  const setActions = SET_ACTIONS.filter((action) => set.actions.includes(action));
  const breaks = setBreaksAt(set, now);
  const vendorName = descriptorOf(set.vendor).shortName;
  const download = (slot: CertificateSlot, format: "pem" | "der") =>
    `/api/certificates/download?${new URLSearchParams({ connection: connectionId, set: set.id, slot: slot.vendorId ?? slot.slot, format })}`;

  const submit = async (
    action: CertificateWriteAction,
    certificateId?: string,
    pem?: string,
  ): Promise<string | null> => {
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
      const unchanged = nothingChangedAtVendor(result.code)
        ? ` Nothing was changed at ${vendorLabel(set.vendor)}.`
        : "";
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
    <div className="space-y-4">
      {runAction && setActions.length ? (
        <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Changes to this set">
          {setActions.map((action) => (
            <Button
              key={action}
              variant={action === "rotate" ? "danger" : "primary"}
              onClick={() => openDialog({ action })}
            >
              {actionLabel(set.vendor, action)}
            </Button>
          ))}
        </div>
      ) : null}
      {notice ? (
        <Alert tone={notice.tone} className="whitespace-pre-line">
          {notice.text}
        </Alert>
      ) : null}
      <p
        data-testid="set-breaks-at"
        className={`text-sm ${breaks.outage ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-700 dark:text-zinc-300"}`}
      >
        {breaks.at
          ? `${breaks.outage ? "Sign-in broke on" : "Sign-in can break on"} ${breaks.at.slice(0, 10)} (UTC). ${breaks.reason}`
          : breaks.reason}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {set.slots.map((slot) => (
          <section
            key={slot.vendorId ?? slot.slot}
            aria-label={`${slotTitle(slot)} slot`}
            data-testid={`slot-${slot.slot}`}
            data-state={slot.state}
            className="space-y-2"
          >
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="text-base font-semibold">{slotTitle(slot)}</h2>
              {slot.state ? (
                <Badge tone={slot.state === "ACTIVE" ? "ok" : "neutral"}>
                  <span className="sr-only">{vendorName} state: </span>
                  {slot.state}
                </Badge>
              ) : null}
              <StatusBadge status={slotStatus(slot, now, set)} />
              {slot.certificate ? (
                <span className="ml-auto flex gap-2 text-sm">
                  <a className="text-sky-700 underline dark:text-sky-400" href={download(slot, "pem")}>
                    Download PEM
                  </a>
                  <a className="text-sky-700 underline dark:text-sky-400" href={download(slot, "der")}>
                    DER
                  </a>
                </span>
              ) : null}
            </div>
            {slot.roleExplanation ? (
              <p
                data-testid="role-of-slot"
                data-role={slot.role}
                className="text-sm text-zinc-600 dark:text-zinc-400"
              >
                {slot.roleExplanation}
              </p>
            ) : null}
            {runAction && slot.actions?.length ? (
              <div className="flex gap-2">
                {slot.actions.map((action) => (
                  <Button
                    key={action}
                    size="sm"
                    variant={action === "delete-certificate" ? "danger" : "secondary"}
                    onClick={() => openDialog({ action, certificateId: slot.vendorId })}
                  >
                    {actionLabel(set.vendor, action)}
                  </Button>
                ))}
              </div>
            ) : null}
            {slot.certificate ? (
              // Not lazy: a lazy preview lost its server-rendered HTML while hydrating (a state
              // update reached its Suspense boundary first), so the thumbprints vanished for a while.
              <CertificatePreview
                summary={slot.certificate}
                vendor={set.vendor}
                now={now}
                headingLevel={3}
                impact={{ status: slotStatus(slot, now, set), roleExplanation: slot.roleExplanation }}
              />
            ) : (
              <Alert>
                {slot.parseError
                  ? `The vendor returned something that is not a certificate: ${slot.parseError}`
                  : "Empty: no certificate in this slot."}
              </Alert>
            )}
          </section>
        ))}
      </div>
      {dialog ? (
        <Suspense fallback={null}>
          <SetActionDialog
            set={set}
            action={dialog.action}
            certificateId={dialog.certificateId}
            onClose={() => setDialog(null)}
            onSubmit={(pem) => submit(dialog.action, dialog.certificateId, pem)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
