// The agenda's exact-order heap: every entry with its full (time, tie, insertion) key. The agenda
// keeps only the current instant here (usually one or a few entries), so it stays in L1.

/** Slots per heap node in `keys`: time, tie, insertion number, reference. */
const STRIDE = 4;
const TIME = 0;
const TIE = 1;
const SEQ = 2;
const REF = 3;
const INITIAL_NODES = 64;

/**
 * Array-backed binary min-heap ordered by (timeUs, tie, seq), each node's keys and reference
 * together in one Float64Array so that sifting reads contiguous numbers and no entry object.
 * Fields and methods are for `Agenda` only.
 */
export class AgendaHeap {
  /** Node n (1-based, root 1, children 2n and 2n + 1) at keys[STRIDE * n …]: siblings share a cache line. */
  private keys = new Float64Array(STRIDE * (INITIAL_NODES + 1));
  /** Nodes in the heap. */
  length = 0;

  /** Time of the root (requires length > 0). */
  topTimeUs(): number {
    return this.keys[STRIDE + TIME]!;
  }

  /** Reference of the root (requires length > 0). */
  topRef(): number {
    return this.keys[STRIDE + REF]!;
  }

  /** Adds an entry; its seq must be unique. */
  push(timeUs: number, tie: number, seq: number, ref: number): void {
    if (STRIDE * (this.length + 2) > this.keys.length) this.grow();
    this.climb(++this.length, timeUs, tie, seq, ref);
  }

  /** Removes the root and returns its reference (requires length > 0). */
  pop(): number {
    const keys = this.keys;
    const ref = keys[STRIDE + REF]!;
    const n = this.length--;
    if (n > 1) {
      const l = STRIDE * n;
      this.siftFromRoot(keys[l + TIME]!, keys[l + TIE]!, keys[l + SEQ]!, keys[l + REF]!, n - 1);
    }
    return ref;
  }

  /**
   * Puts the entry at the root of a heap of `size` nodes and restores order bottom-up (Floyd):
   * the hole follows the smaller children down to a leaf, then the entry climbs back.
   */
  private siftFromRoot(timeUs: number, tie: number, seq: number, ref: number, size: number): void {
    const keys = this.keys;
    let i = 1;
    for (;;) {
      let child = 2 * i;
      if (child > size) break;
      let c = STRIDE * child;
      if (child < size && this.before(c + STRIDE, c)) {
        child++;
        c += STRIDE;
      }
      const d = STRIDE * i;
      keys[d + TIME] = keys[c + TIME]!;
      keys[d + TIE] = keys[c + TIE]!;
      keys[d + SEQ] = keys[c + SEQ]!;
      keys[d + REF] = keys[c + REF]!;
      i = child;
    }
    this.climb(i, timeUs, tie, seq, ref);
  }

  /** Places the entry in the hole at node `i`, moving the hole up past every parent that orders after it. */
  private climb(i: number, timeUs: number, tie: number, seq: number, ref: number): void {
    const keys = this.keys;
    while (i > 1) {
      const parent = i >> 1;
      const p = STRIDE * parent;
      const parentTime = keys[p + TIME]!;
      if (parentTime < timeUs) break;
      if (parentTime === timeUs) {
        const parentTie = keys[p + TIE]!;
        if (parentTie < tie || (parentTie === tie && keys[p + SEQ]! < seq)) break;
      }
      const d = STRIDE * i;
      keys[d + TIME] = parentTime;
      keys[d + TIE] = keys[p + TIE]!;
      keys[d + SEQ] = keys[p + SEQ]!;
      keys[d + REF] = keys[p + REF]!;
      i = parent;
    }
    const d = STRIDE * i;
    keys[d + TIME] = timeUs;
    keys[d + TIE] = tie;
    keys[d + SEQ] = seq;
    keys[d + REF] = ref;
  }

  /** The node at offset a orders before the node at offset b. */
  private before(a: number, b: number): boolean {
    const keys = this.keys;
    if (keys[a + TIME] !== keys[b + TIME]) return keys[a + TIME]! < keys[b + TIME]!;
    if (keys[a + TIE] !== keys[b + TIE]) return keys[a + TIE]! < keys[b + TIE]!;
    return keys[a + SEQ]! < keys[b + SEQ]!;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
  }
}
