// V8 keeps one canonical copy of every string used as a property name (an "internalized"
// string), allocated in old space next to the ones interned before it. Interning the ids of
// thousands of agents at start therefore packs them into one dense block instead of leaving each
// wherever its object was promoted, and comparing two interned strings is a pointer compare.
// Agent ids are read for every order (order ids, owner checks on fills), so where they live
// decides a cache miss per order in a large market.

/** The canonical (interned) copy of `value`: equal to it, for use where it is read often. */
export function internedString(value: string): string {
  // Using it as a property name makes V8 intern it; the key list hands back the interned copy.
  return Object.keys({ [value]: 0 })[0] ?? value;
}
