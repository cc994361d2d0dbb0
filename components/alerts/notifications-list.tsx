import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/auth/action-result";
import type { NotificationView } from "@/lib/inventory/alerts/types";
import { formatUtcDateTime } from "@/lib/time/format";
import { MarkAllReadButton } from "./mark-all-read-button";

/**
 * The in-app notification list, newest first; unread ones are marked in words, not only colour.
 * Rendered on the server; only "Mark all read" is interactive.
 */
export function NotificationsList({
  notifications,
  markRead,
}: {
  notifications: NotificationView[];
  markRead: (input: { ids: number[] }) => Promise<ActionResult<null>>;
}) {
  const unread = notifications.filter((n) => !n.read).map((n) => n.id);
  return (
    <section aria-labelledby="notifications" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="notifications" className="text-lg font-semibold">
          Notifications {unread.length ? <Badge tone="info">{unread.length} unread</Badge> : null}
        </h2>
        {unread.length ? <MarkAllReadButton ids={unread} markRead={markRead} /> : null}
      </div>
      {notifications.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No notifications yet. In-app rules add one here each time a certificate reaches a threshold.
        </p>
      ) : (
        <ul
          className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          data-testid="notifications"
        >
          {notifications.map((n) => (
            <li key={n.id} className="space-y-0.5 px-3 py-2 text-sm">
              <p className="font-medium">
                {n.read ? null : <span className="sr-only">Unread: </span>}
                {n.href ? (
                  <Link href={n.href} className="underline">
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )}{" "}
                {n.read ? null : <Badge tone="info">New</Badge>}
              </p>
              <p className="text-zinc-700 dark:text-zinc-300">{n.body}</p>
              <time className="text-xs text-zinc-500" dateTime={n.createdAt}>
                {formatUtcDateTime(n.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
