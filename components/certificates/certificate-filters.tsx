import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import { STATUS_LABELS } from "@/lib/certificates/status";
import { VENDOR_LABELS, VENDORS } from "@/lib/vendors/descriptors";

/** Search, filters and sort as a GET form: the URL holds the view, so it can be shared. */
export function CertificateFilters({
  filter,
  connections,
}: {
  filter: CertificateListFilter;
  connections: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter certificate sets"
      className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-6"
    >
      <FilterField label="Search" className="md:col-span-2">
        <Input name="q" defaultValue={filter.q} placeholder="subject, thumbprint, serial, set, connection" />
      </FilterField>
      <FilterField label="Vendor">
        <Select name="vendor" defaultValue={filter.vendor ?? ""}>
          <option value="">All vendors</option>
          {VENDORS.map((v) => (
            <option key={v} value={v}>
              {VENDOR_LABELS[v]}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label="Connection">
        <Select name="connection" defaultValue={filter.connection ?? ""}>
          <option value="">All connections</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label="Status">
        <Select name="status" defaultValue={filter.status ?? ""}>
          <option value="">Any status</option>
          {(["expired", "lt7", "lt30", "lt60", "ok", "inactive"] as const).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
          <option value="empty">No certificate installed</option>
        </Select>
      </FilterField>
      <FilterField label="Sort by">
        <Select name="sort" defaultValue={filter.sort}>
          <option value="expiry">Soonest expiry</option>
          <option value="status">Most urgent</option>
          <option value="vendor">Vendor</option>
          <option value="connection">Connection</option>
          <option value="name">Set name</option>
        </Select>
      </FilterField>
      <div className="col-span-2 flex items-end gap-3 md:col-span-6">
        <Button type="submit">Apply</Button>
        <Link href="/certificates" className="text-sm text-sky-700 underline dark:text-sky-400">
          Clear
        </Link>
      </div>
    </form>
  );
}
