import { filterCertificateSets } from "@/lib/certificates/list";
import type { CertificateListFilter } from "@/lib/certificates/schemas";
import type { CertificateList } from "@/lib/certificates/types";
import { CertificateListView } from "./certificate-list-view";
import { SetListFrame, SetListItem } from "./set-list-frame";
import { firstScreenful, setRowKey } from "./set-list-layout";

/** What the interactive list says while it reads the inventory the server did not wait for. */
export const STILL_WAITING_NOTE = " · still waiting for the inventory…";

/**
 * The certificate list as the server renders it: the count and the first screenful of rows in
 * the virtualised list's own markup, at the offsets it would give them, in a scroll area as tall
 * as the whole list. It ships no JavaScript; the interactive list replaces it after load.
 */
export function StaticSetList({
  list,
  filter,
  late = false,
}: {
  list: CertificateList;
  filter: CertificateListFilter;
  late?: boolean;
}) {
  // Statuses are computed at the time of the read, on the server and in the browser alike.
  const at = new Date(list.readAt);
  const entries = filterCertificateSets(list.entries, filter, at);
  const { rows, totalSize } = firstScreenful(entries);
  return (
    <CertificateListView list={list} shown={entries.length} note={late ? STILL_WAITING_NOTE : ""}>
      <SetListFrame label="Certificate sets" totalSize={totalSize}>
        {rows.map(({ entry, index, start }) => (
          <SetListItem
            key={setRowKey(entry)}
            entry={entry}
            index={index}
            count={entries.length}
            start={start}
            at={at}
          />
        ))}
      </SetListFrame>
    </CertificateListView>
  );
}
