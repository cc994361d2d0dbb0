// Which groups of the timeline are collapsed. "Collapse all" is a choice about every group, also
// the ones not drawn yet: the Overview draws its first screen at once and the rest of the
// inventory after the page, and a group arriving then must follow the choice, not reopen.
import { allGroupIds, type VendorGroup } from "./lanes";

/** Every group starts as `base`; the groups in `flipped` were toggled away from it one by one. */
export interface CollapseState {
  base: "expanded" | "collapsed";
  flipped: ReadonlySet<string>;
}

export const ALL_EXPANDED: CollapseState = { base: "expanded", flipped: new Set() };
export const ALL_COLLAPSED: CollapseState = { base: "collapsed", flipped: new Set() };

/** The state with one group toggled. */
export function toggleGroup(state: CollapseState, id: string): CollapseState {
  const flipped = new Set(state.flipped);
  if (!flipped.delete(id)) flipped.add(id);
  return { base: state.base, flipped };
}

/** The ids of the collapsed groups among `groups`. */
export function collapsedGroupIds(state: CollapseState, groups: readonly VendorGroup[]): ReadonlySet<string> {
  if (state.base === "expanded") return state.flipped;
  return new Set(allGroupIds(groups).filter((id) => !state.flipped.has(id)));
}
