import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS, type SlotStatus } from "@/lib/certificates/status";

const TONES: Record<SlotStatus, BadgeTone> = {
  expired: "danger",
  lt7: "danger",
  lt30: "warning",
  lt60: "info",
  ok: "ok",
  housekeeping: "neutral",
  inactive: "neutral",
  empty: "neutral",
};

/** Expiry status as text, with colour only as a second cue. */
export function StatusBadge({ status }: { status: SlotStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
