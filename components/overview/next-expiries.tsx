import Link from "next/link";
import { daysLeftText, isoDay } from "@/components/timeline/describe-bar";
import { STATUS_STYLES } from "@/components/timeline/status-style";
import { StatusSwatch } from "@/components/timeline/status-swatch";
import { Table, Td, Th } from "@/components/ui/table";
import type { UpcomingExpiry } from "@/lib/timeline/summary";
import { VisibleText } from "@/components/ui/visible-text";

/** The certificates that expire next, soonest first, each linking to its set. */
export function NextExpiries({
  items,
  now,
  vendorLabel,
}: {
  items: UpcomingExpiry[];
  now: Date;
  vendorLabel: (vendor: string) => string;
}) {
  if (items.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No certificate expires in the future: nothing to renew.
      </p>
    );
  return (
    <Table caption="The next certificates to expire">
      <thead>
        <tr>
          <Th>Expires</Th>
          <Th>Certificate</Th>
          <Th>Set · connection</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {items.map(({ cert, status }) => (
          <tr key={cert.key} data-testid="next-expiry-row">
            <Td className="whitespace-nowrap tabular-nums">
              {isoDay(cert.notAfter)}
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {daysLeftText(cert.notAfter, now)}
              </span>
            </Td>
            <Td className="max-w-64 truncate" title={cert.subject}>
              {cert.commonName ?? cert.subject}
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{cert.slot}</span>
            </Td>
            <Td>
              <Link
                href={cert.setHref}
                prefetch={false}
                className="font-medium text-sky-700 underline dark:text-sky-400"
              >
                <VisibleText text={cert.setLabel} />
              </Link>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {vendorLabel(cert.vendor)} · <VisibleText text={cert.connectionName} />
              </span>
            </Td>
            <Td>
              <span className="flex items-center gap-1.5 whitespace-nowrap">
                <StatusSwatch status={status} />
                {STATUS_STYLES[status].label}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
