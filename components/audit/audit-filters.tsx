import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";

type Values = {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: string;
  from?: string;
  to?: string;
};

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ values }: { values: Values }) {
  return (
    <form
      method="get"
      className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-7"
      role="search"
      aria-label="Filter audit events"
    >
      <FilterField label="Actor">
        <Input name="actor" defaultValue={values.actor} placeholder="username" />
      </FilterField>
      <FilterField label="Action">
        <Input name="action" defaultValue={values.action} placeholder="e.g. connection." />
      </FilterField>
      <FilterField label="Target">
        <Input name="target" defaultValue={values.target} placeholder="name or id" />
      </FilterField>
      <FilterField label="Outcome">
        <Select name="outcome" defaultValue={values.outcome ?? ""}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
          <option value="pending">Pending (intent of a write)</option>
        </Select>
      </FilterField>
      <FilterField label="From">
        <Input type="datetime-local" name="from" defaultValue={values.from} />
      </FilterField>
      <FilterField label="To">
        <Input type="datetime-local" name="to" defaultValue={values.to} />
      </FilterField>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        <Link href="/audit" className="text-sm text-sky-700 underline dark:text-sky-400">
          Clear
        </Link>
      </div>
    </form>
  );
}
