import SortedBTree from 'sorted-btree';

// sorted-btree is CommonJS with `exports.default`: Node's ESM loader hands us `{ default }`,
// while bundlers and swc hand us the class itself. Accept both (see TOOLCHAIN.md).
type BTreeClass = typeof SortedBTree.default;
export const BTree: BTreeClass =
  (SortedBTree as unknown as { default?: BTreeClass }).default ?? (SortedBTree as unknown as BTreeClass);
export type BTree<K = unknown, V = unknown> = InstanceType<typeof SortedBTree.default<K, V>>;
