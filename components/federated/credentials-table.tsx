import { TimeAgo } from "@/components/ui/relative-time";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { FederatedCredential } from "@/lib/vendors/contracts";
import { VisibleText } from "@/components/ui/visible-text";
import { CredentialEditButton } from "./credential-editor";

type CredentialsTableProps = {
  credentials: FederatedCredential[];
  /** Link target of a credential's detail page. */
  hrefOf: (credential: FederatedCredential) => string;
  /** Offer Edit and Delete (inside a CredentialEditor, which opens their dialogs). */
  manage?: boolean;
};

function When({ iso }: { iso: string }) {
  return <TimeAgo at={iso} className="whitespace-nowrap" />;
}

/** An application's federated credentials: the exact values UiPath compares, and when they changed. */
export function CredentialsTable({ credentials, hrefOf, manage = false }: CredentialsTableProps) {
  return (
    <Table caption="Federated credentials">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Issuer</Th>
          <Th>Audience</Th>
          <Th>Subject</Th>
          <Th>Description</Th>
          <Th>Created</Th>
          <Th>Updated</Th>
          {manage ? <Th>Actions</Th> : null}
        </tr>
      </thead>
      <tbody>
        {credentials.map((c) => (
          <tr key={c.id} data-testid={`credential-row-${c.name ?? c.id}`}>
            <Td className="font-medium">
              <Link href={hrefOf(c)} className="text-sky-700 underline dark:text-sky-400">
                {c.name ? <VisibleText text={c.name} /> : "(unnamed)"}
              </Link>
            </Td>
            <Td className="font-mono text-xs break-all">
              <VisibleText text={c.issuer} />
            </Td>
            <Td className="font-mono text-xs break-all">{c.audience}</Td>
            <Td className="font-mono text-xs break-all">
              <VisibleText text={c.subject} />
            </Td>
            <Td className="text-xs">{c.description ?? <span className="text-zinc-500">—</span>}</Td>
            <Td className="text-xs">
              <When iso={c.createdAt} />
            </Td>
            <Td className="text-xs">
              <When iso={c.updatedAt} />
            </Td>
            {manage ? (
              <Td className="whitespace-nowrap">
                <CredentialEditButton
                  editing={{ mode: "edit", credential: c }}
                  size="sm"
                  variant="secondary"
                  aria-label={`Edit ${c.name ?? c.id}`}
                >
                  Edit
                </CredentialEditButton>{" "}
                <CredentialEditButton
                  editing={{ mode: "delete", credential: c }}
                  size="sm"
                  variant="ghost"
                  aria-label={`Delete ${c.name ?? c.id}`}
                >
                  Delete
                </CredentialEditButton>
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
