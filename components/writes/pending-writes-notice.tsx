import { Alert } from "@/components/ui/alert";
import type { PendingWrite } from "@/lib/writes/pending";
import { RefreshWhilePending } from "./refresh-while-pending";

/**
 * Changes whose outcome Trustdeck does not know yet (the server stopped between sending and
 * recording, or the vendor could not be read again). They are checked on start and every minute.
 */
export function PendingWritesNotice({ writes }: { writes: PendingWrite[] }) {
  if (writes.length === 0) return null;
  return (
    <Alert tone="warning" title="Changes waiting to be checked" className="mb-4">
      <RefreshWhilePending />
      <p>
        {writes.length === 1 ? "This change was" : "These changes were"} sent to the vendor, but Trustdeck
        does not know yet whether {writes.length === 1 ? "it was" : "they were"} made. Trustdeck reads the
        vendor again and records the outcome; do not repeat {writes.length === 1 ? "it" : "them"} before then.
      </p>
      <ul className="mt-1 list-disc pl-5" data-testid="pending-writes">
        {writes.map((w) => (
          <li key={w.id}>
            {w.action} on {w.label}, by {w.actorName}, started {w.startedAt.slice(0, 19).replace("T", " ")}{" "}
            UTC
          </li>
        ))}
      </ul>
    </Alert>
  );
}
