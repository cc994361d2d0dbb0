import { Badge } from "@/components/ui/badge";
import type { IssuerLink } from "@/lib/x509/chain";
import type { ChainView } from "./inspect-certificate";

const LINKS: Record<IssuerLink, string> = {
  verified: "Signed by the next certificate (signature verified).",
  unchecked: "Issued by the next certificate (its signature algorithm cannot be checked in this browser).",
  root: "Self-signed: the top of the chain (signature verified).",
  "root-unchecked":
    "Self-issued: the top of the chain (signature not checked: its algorithm cannot be verified here).",
  invalid: "The signature does not verify: the certificate was altered or is corrupt.",
  missing: "Its issuer is not in the file.",
};

/** The certificates of a bundle, leaf first, with how each links to its issuer and any gaps. */
export function CertificateChain({ chain }: { chain: ChainView }) {
  return (
    <div className="space-y-2 text-sm">
      <ol className="list-none space-y-2">
        {chain.entries.map(({ summary, issuer }, index) => (
          <li
            key={summary.sha256}
            className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800"
          >
            <p className="font-medium text-zinc-900 dark:text-zinc-100">
              {chain.entries.length > 1 ? (
                <span className="text-zinc-500 dark:text-zinc-400">
                  {index === 0
                    ? "Leaf: "
                    : index === chain.entries.length - 1 && issuer !== "missing"
                      ? "Root: "
                      : "Intermediate: "}
                </span>
              ) : null}
              {summary.commonName ?? summary.subject}
            </p>
            <p className="break-all text-xs text-zinc-600 dark:text-zinc-400">Issuer: {summary.issuer}</p>
            <p className="text-xs text-zinc-700 dark:text-zinc-300">{LINKS[issuer]}</p>
          </li>
        ))}
      </ol>
      {chain.gaps.map((gap) => (
        <p key={gap} className="flex items-start gap-2 text-zinc-800 dark:text-zinc-200">
          <Badge tone="warning" className="shrink-0">
            Gap
          </Badge>
          {gap}
        </p>
      ))}
      {chain.unrelated > 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">
          {chain.unrelated === 1
            ? "One more certificate in the file is"
            : `${chain.unrelated} more certificates in the file are`}{" "}
          not part of this chain.
        </p>
      ) : null}
      {chain.duplicates > 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">
          Repeated certificates were ignored ({chain.duplicates}).
        </p>
      ) : null}
    </div>
  );
}
