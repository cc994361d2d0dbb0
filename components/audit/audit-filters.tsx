import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

type Values = { actor?: string; action?: string; target?: string; outcome?: string; from?: string; to?: string };

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ values }: { values: Values }) {
  const field = "flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400";
  return (
    <form method="get" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-7" role="search" aria-label="Filter audit events">
      <label className={field}>
        Actor
        <Input name="actor" defaultValue={values.actor} placeholder="username" />
      </label>
      <label className={field}>
        Action
        <Input name="action" defaultValue={values.action} placeholder="e.g. connection." />
      </label>
      <label className={field}>
        Target
        <Input name="target" defaultValue={values.target} placeholder="name or id" />
      </label>
      <label className={field}>
        Outcome
        <Select name="outcome" defaultValue={values.outcome ?? ""}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
        </Select>
      </label>
      <label className={field}>
        From
        <Input type="datetime-local" name="from" defaultValue={values.from} />
      </label>
      <label className={field}>
        To
        <Input type="datetime-local" name="to" defaultValue={values.to} />
      </label>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        <Link href="/audit" className="text-sm text-sky-700 underline dark:text-sky-400">
          Clear
        </Link>
      </div>
    </form>
  );
}
