"use client";

import { useState } from "react";
import { CertificateInput, type CertificateInputValue } from "@/components/x509/certificate-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SERVER_LOST } from "@/components/writes/call-write";
import { describeConsequence } from "@/lib/certificates/consequence";
import { blockingFinding } from "@/lib/certificates/refusal";
import { certificateFindings } from "@/lib/x509/findings";
import type { CertificateWriteAction } from "@/lib/certificates/schemas";
import { actionLabel, validityLimitOf } from "@/lib/vendors/descriptors";
import type { CertificateSet } from "@/lib/vendors/contracts";

const NEEDS_PEM = new Set<CertificateWriteAction>([
  "upload-primary",
  "upload-secondary",
  "import-idp-certificate",
]);

type SetActionDialogProps = {
  set: CertificateSet;
  action: CertificateWriteAction;
  certificateId?: string;
  onClose: () => void;
  /** Sends the change; returns an error message to show, or null when it succeeded. */
  onSubmit: (pem?: string) => Promise<string | null>;
};

/** Confirms one change, naming its consequence; for uploads, takes and previews the certificate first. */
export function SetActionDialog({ set, action, certificateId, onClose, onSubmit }: SetActionDialogProps) {
  const [certificate, setCertificate] = useState<CertificateInputValue>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After a lost server the change may have been made: never offer to send it again.
  const [lost, setLost] = useState(false);
  const needsPem = NEEDS_PEM.has(action);
  const existing = set.slots.flatMap((slot) => (slot.certificate ? [slot.certificate.sha256] : []));
  const danger = action === "delete-certificate" || action === "rotate" || action === "upload-primary";
  const label = actionLabel(set.vendor, action);
  // The server refuses these (lib/certificates/validate-pem): say so before, not after, Confirm.
  const refusal =
    needsPem && certificate
      ? blockingFinding(
          certificateFindings(certificate.summary, {
            now: new Date(),
            ...validityLimitOf(set.vendor),
            existingSha256: existing,
          }),
        )
      : undefined;

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()} title={`${label} — ${set.label}`}>
      <div className="space-y-4 text-sm">
        {needsPem ? (
          <CertificateInput
            onChange={setCertificate}
            vendor={set.vendor}
            existingSha256={existing}
            label="Certificate (PEM, DER, or a file)"
          />
        ) : null}
        <p data-testid="action-consequence" className="rounded-md bg-zinc-100 p-3 dark:bg-zinc-800">
          {describeConsequence(set, action, certificateId)}
        </p>
        {refusal ? (
          <Alert tone="error" title="Trustdeck will not upload this certificate">
            {refusal.message} Choose another certificate; nothing is sent to the vendor.
          </Alert>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button
            variant={danger ? "danger" : "primary"}
            disabled={pending || lost || (needsPem && !certificate) || Boolean(refusal)}
            onClick={async () => {
              setPending(true);
              setError(null);
              try {
                const message = await onSubmit(certificate?.pem);
                if (message) setError(message);
                else onClose();
              } catch {
                setLost(true);
                setError(SERVER_LOST);
              } finally {
                setPending(false);
              }
            }}
          >
            {pending ? "Working…" : `Confirm: ${label.toLowerCase()}`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
