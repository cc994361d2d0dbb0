import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import { STATUS_LABELS } from "@/lib/certificates/status";
import { VENDOR_LABELS, VENDORS } from "@/lib/connections/schemas";

/** Search, filters and sort as a GET form: the URL holds the view, so it can be shared. */
export function CertificateFilters({ filter, connections }: { filter: CertificateListFilter; connections: { id: string; name: string }[] }) {
  const field = "flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400";
  return (
    <form method="get" role="search" aria-label="Filter certificate sets" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-6">
      <label className={`${field} md:col-span-2`}>
        Search
        <Input name="q" defaultValue={filter.q} placeholder="subject, thumbprint, serial, set, connection" />
      </label>
      <label className={field}>
        Vendor
        <Select name="vendor" defaultValue={filter.vendor ?? ""}>
          <option value="">All vendors</option>
          {VENDORS.map((v) => (
            <option key={v} value={v}>
              {VENDOR_LABELS[v]}
            </option>
          ))}
        </Select>
      </label>
      <label className={field}>
        Connection
        <Select name="connection" defaultValue={filter.connection ?? ""}>
          <option value="">All connections</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </label>
      <label className={field}>
        Status
        <Select name="status" defaultValue={filter.status ?? ""}>
          <option value="">Any status</option>
          {(["expired", "lt7", "lt30", "lt60", "ok", "inactive"] as const).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </label>
      <label className={field}>
        Sort by
        <Select name="sort" defaultValue={filter.sort}>
          <option value="expiry">Soonest expiry</option>
          <option value="status">Most urgent</option>
          <option value="vendor">Vendor</option>
          <option value="connection">Connection</option>
          <option value="name">Set name</option>
        </Select>
      </label>
      <div className="col-span-2 flex items-end gap-3 md:col-span-6">
        <Button type="submit">Apply</Button>
        <Link href="/certificates" className="text-sm text-sky-700 underline dark:text-sky-400">
          Clear
        </Link>
      </div>
    </form>
  );
}
