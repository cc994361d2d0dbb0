"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-result";

/** "Mark all read": the unread notifications listed, then the list rendered again. */
export function MarkAllReadButton({
  ids,
  markRead,
}: {
  ids: number[];
  markRead: (input: { ids: number[] }) => Promise<ActionResult<null>>;
}) {
  const router = useRouter();
  return (
    <Button size="sm" variant="secondary" onClick={async () => (await markRead({ ids }), router.refresh())}>
      Mark all read
    </Button>
  );
}
