import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { CertificateSetKind } from "@/lib/vendors/contracts";
import type { Vendor } from "@/lib/vendors/descriptors";
import { emptySetImpact } from "@/lib/vendors/slot-roles";

/**
 * A set with no certificate in any slot: "no certificate installed", in the vendor's terms. Not
 * an error; alarming only where sign-in goes through the set (an enabled external IdP).
 * `inUse` is the live set's flag; `signInFails`, what the inventory stored, stands in for it.
 */
export function EmptySetNotice({
  vendor,
  kind,
  inUse,
  signInFails,
  compact = false,
}: {
  vendor: Vendor;
  kind: CertificateSetKind;
  inUse?: boolean;
  signInFails?: boolean;
  compact?: boolean;
}) {
  const impact = emptySetImpact(vendor, kind, signInFails === undefined ? inUse : signInFails);
  return (
    <div
      data-testid="empty-set"
      data-sign-in-fails={impact.signInFails}
      className={cn(
        "space-y-1",
        !compact && "rounded-md border px-3 py-2 text-sm",
        !compact &&
          (impact.signInFails
            ? "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950"
            : "border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900"),
      )}
    >
      <Badge tone={impact.signInFails ? "danger" : "neutral"}>
        {impact.signInFails ? "No certificate: sign-in fails" : "No certificate installed"}
      </Badge>
      <p className={cn(compact ? "text-xs" : "text-sm", "text-zinc-700 dark:text-zinc-300")}>
        {impact.explanation}
      </p>
    </div>
  );
}
