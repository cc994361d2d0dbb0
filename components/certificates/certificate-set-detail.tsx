import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/auth/action-result";
import type { CertificateActionInput, CertificateWriteAction } from "@/lib/certificates/schemas";
import { setBreaksAt, slotStatus } from "@/lib/certificates/status";
import { actionLabel, descriptorOf, NAMED_SLOTS, vendorLabel } from "@/lib/vendors/descriptors";
import type { CertificateSet, CertificateSlot } from "@/lib/vendors/contracts";
import { CertificatePreview } from "@/components/x509/certificate-preview";
import { isEmptySet } from "@/lib/vendors/slot-roles";
import { EmptySetNotice } from "./empty-set-notice";
import { SetActionButton, SetActionNotice, SetActionsProvider } from "./set-actions";
import { StatusBadge } from "./status-badge";

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

/**
 * A set's slots side by side, with downloads and the changes the vendor allows now. Rendered on
 * the server (previews and thumbprints are in the first HTML); only the buttons, the dialog and
 * the outcome's notice are interactive (SetActionsProvider).
 */
export function CertificateSetDetail({ connectionId, set, readAt, runAction }: Props) {
  const now = new Date(readAt);
  const setActions = SET_ACTIONS.filter((action) => set.actions.includes(action));
  const breaks = setBreaksAt(set, now);
  const vendorName = descriptorOf(set.vendor).shortName;
  const download = (slot: CertificateSlot, format: "pem" | "der") =>
    `/api/certificates/download?${new URLSearchParams({ connection: connectionId, set: set.id, slot: slot.vendorId ?? slot.slot, format })}`;

  return (
    <SetActionsProvider
      connectionId={connectionId}
      set={set}
      vendorLabel={vendorLabel(set.vendor)}
      runAction={runAction}
    >
      <div className="space-y-4">
        {runAction && setActions.length ? (
          <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Changes to this set">
            {setActions.map((action) => (
              <SetActionButton
                key={action}
                action={action}
                variant={action === "rotate" ? "danger" : "primary"}
              >
                {actionLabel(set.vendor, action)}
              </SetActionButton>
            ))}
          </div>
        ) : null}
        <SetActionNotice />
        {isEmptySet(set) ? <EmptySetNotice vendor={set.vendor} kind={set.kind} inUse={set.inUse} /> : null}
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
                    <SetActionButton
                      key={action}
                      action={action}
                      certificateId={slot.vendorId}
                      size="sm"
                      variant={action === "delete-certificate" ? "danger" : "secondary"}
                    >
                      {actionLabel(set.vendor, action)}
                    </SetActionButton>
                  ))}
                </div>
              ) : null}
              {slot.certificate ? (
                // Rendered here, on the server: a lazy client preview lost its server HTML while
                // hydrating and the thumbprints vanished for a while.
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
      </div>
    </SetActionsProvider>
  );
}
