const FORMATS = [
  { format: "csv", label: "CSV", hint: "every field, thumbprints and findings" },
  { format: "json", label: "JSON", hint: "the same, with connection freshness" },
  { format: "ics", label: "Calendar (ICS)", hint: "upcoming expiries with reminders" },
] as const;

/** Download links for the inventory exports (plain links: the route answers with attachments). */
export function InventoryExportLinks() {
  return (
    <section aria-labelledby="inventory-exports" className="space-y-2">
      <h2 id="inventory-exports" className="text-lg font-semibold">
        Export the inventory
      </h2>
      <ul className="flex flex-wrap gap-4 text-sm">
        {FORMATS.map((f) => (
          <li key={f.format}>
            <a
              className="font-medium text-sky-700 underline hover:text-sky-900 dark:text-sky-400"
              href={`/api/inventory/export?format=${f.format}`}
              download
            >
              {f.label}
            </a>{" "}
            <span className="text-zinc-500">— {f.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
