import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { detectTemplate, TEMPLATE_LABELS } from "@/lib/federated/templates";
import type { FederatedCredential } from "@/lib/vendors/contracts";
import { CredentialEditButton, CredentialEditor, CredentialNotice } from "./credential-editor";
import { applicationHref } from "./links";
import type { CredentialContext, CredentialWriteActions } from "./types";
import { VisibleText } from "@/components/ui/visible-text";

function Row({ label, children, mono = true }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr]">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className={mono ? "font-mono text-sm break-all" : "text-sm"}>{children}</dd>
    </div>
  );
}

/**
 * One credential's exact values, with edit and delete for operators. Rendered on the server; only
 * the buttons, the dialogs and the notice are interactive (CredentialEditor).
 */
export function CredentialDetail({
  credential,
  context,
  actions,
}: {
  credential: FederatedCredential;
  context: CredentialContext;
  actions: CredentialWriteActions | null;
}) {
  const template = detectTemplate(credential.issuer ?? "", credential.subject ?? "");
  const card = (
    <Card className="space-y-3">
      {actions ? <CredentialNotice /> : null}
      <dl className="divide-y divide-zinc-200 dark:divide-zinc-800">
        <Row label="Name" mono={false}>
          {credential.name ?? "(unnamed)"}
        </Row>
        <Row label="Issuer (iss)">
          <VisibleText text={credential.issuer} />
        </Row>
        <Row label="Audience (aud)">{credential.audience}</Row>
        <Row label="Subject (sub)">
          <VisibleText text={credential.subject} />
        </Row>
        <Row label="Shape" mono={false}>
          {template.kind === "other" ? "Custom subject" : `${TEMPLATE_LABELS[template.kind]} subject`}
        </Row>
        <Row label="Description" mono={false}>
          {credential.description ?? "—"}
        </Row>
        <Row label="Created / updated">
          {credential.createdAt} / {credential.updatedAt}
        </Row>
        <Row label="Credential id">{credential.id}</Row>
      </dl>
      <p className="text-sm">
        <Link
          href={`${applicationHref(context.connectionId, context.clientId)}#tester`}
          className="text-sky-700 underline dark:text-sky-400"
        >
          Test a token against {context.appName}
        </Link>
      </p>
      {actions ? (
        <div className="flex gap-2">
          <CredentialEditButton variant="secondary" editing={{ mode: "edit", credential }}>
            Edit
          </CredentialEditButton>
          <CredentialEditButton variant="ghost" editing={{ mode: "delete", credential }}>
            Delete
          </CredentialEditButton>
        </div>
      ) : null}
    </Card>
  );
  return actions ? (
    <CredentialEditor
      context={context}
      actions={actions}
      afterDelete={applicationHref(context.connectionId, context.clientId)}
    >
      {card}
    </CredentialEditor>
  ) : (
    card
  );
}
