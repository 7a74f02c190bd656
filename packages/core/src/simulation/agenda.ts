// The simulation's own queue of agent wake-ups and intent arrivals. It orders by (time, tie,
// insertion): the tie is a random draw from the agent's scheduling stream, so agents that wake
// at the same instant come out in a seeded random order (no agent always first), and the order
// is the same on every run with the same seed.

/** Slots per heap node in `keys`: time, tie, insertion number, reference. */
const STRIDE = 4;
const TIME = 0;
const TIE = 1;
const SEQ = 2;
const REF = 3;
const INITIAL_NODES = 1024;

/**
 * Array-backed binary min-heap. A wake-up is just an agent index and an arrival a slot number,
 * and each node's sort keys and reference sit together in one Float64Array: sifting reads
 * contiguous numbers and never an entry object, so with 10 000 agents the heap stays in cache
 * and a wake-up touches no per-agent object until the agent decides.
 *
 * References: an agent index `i >= 0` is a wake-up; `-(slot + 1)` is the arrival in `slot`.
 */
export class Agenda<Arrival> {
  /** Node n (1-based, root 1, children 2n and 2n + 1) at keys[STRIDE * n …]: siblings share a cache line. */
  private keys = new Float64Array(STRIDE * (INITIAL_NODES + 1));
  private length = 0;
  private nextSeq = 0;
  private readonly arrivals: (Arrival | undefined)[] = [];
  /** Free arrival slots, reused so the slot array stays as long as the arrivals in flight. */
  private readonly freeSlots: number[] = [];

  get size(): number {
    return this.length;
  }

  /** Time of the earliest entry, or Infinity when empty. */
  peekTimeUs(): number {
    return this.length > 0 ? this.keys[STRIDE + TIME]! : Number.POSITIVE_INFINITY;
  }

  /** Whether the earliest entry is a wake-up (false for an arrival or when empty). */
  peekIsWakeup(): boolean {
    return this.length > 0 && this.keys[STRIDE + REF]! >= 0;
  }

  /** Queues a wake-up of agent `agentIndex` at (timeUs, tie). */
  pushWakeup(agentIndex: number, timeUs: number, tie: number): void {
    this.push(agentIndex, timeUs, tie);
  }

  /** Queues an arrival at (timeUs, tie). */
  pushArrival(arrival: Arrival, timeUs: number, tie: number): void {
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.arrivals.length;
    this.arrivals[slot] = arrival;
    this.push(-(slot + 1), timeUs, tie);
  }

  /** Removes the earliest entry, a wake-up, and returns its agent index. */
  popWakeup(): number {
    return this.pop();
  }

  /** The agent index of the earliest entry, a wake-up, left in place (see requeueTopWakeup). */
  peekWakeup(): number {
    return this.keys[STRIDE + REF]!;
  }

  /**
   * Moves the earliest entry, a wake-up, to (timeUs, tie) as if popped and pushed again (it gets
   * a new insertion number): one sift instead of two when an agent wakes and re-arms at once.
   */
  requeueTopWakeup(timeUs: number, tie: number): void {
    this.siftFromRoot(timeUs, tie, this.nextSeq++, this.keys[STRIDE + REF]!, this.length);
  }

  /** Removes the earliest entry, an arrival, and returns it. */
  popArrival(): Arrival {
    const slot = -this.pop() - 1;
    const arrival = this.arrivals[slot]!;
    this.arrivals[slot] = undefined;
    this.freeSlots.push(slot);
    return arrival;
  }

  clear(): void {
    this.length = 0;
    this.arrivals.length = 0;
    this.freeSlots.length = 0;
  }

  /** Equal (time, tie) keys leave in insertion order. */
  private push(ref: number, timeUs: number, tie: number): void {
    if (STRIDE * (this.length + 2) > this.keys.length) this.grow();
    const keys = this.keys;
    const seq = this.nextSeq++;
    let n = ++this.length;
    while (n > 1) {
      const parent = n >> 1;
      const p = STRIDE * parent;
      const parentTime = keys[p + TIME]!;
      // The new entry has the largest seq, so an equal (time, tie) parent stays first.
      if (parentTime < timeUs || (parentTime === timeUs && keys[p + TIE]! <= tie)) break;
      const c = STRIDE * n;
      keys[c + TIME] = parentTime;
      keys[c + TIE] = keys[p + TIE]!;
      keys[c + SEQ] = keys[p + SEQ]!;
      keys[c + REF] = keys[p + REF]!;
      n = parent;
    }
    const c = STRIDE * n;
    keys[c + TIME] = timeUs;
    keys[c + TIE] = tie;
    keys[c + SEQ] = seq;
    keys[c + REF] = ref;
  }

  /** Removes the root and returns its reference; the caller has checked the heap is not empty. */
  private pop(): number {
    const keys = this.keys;
    const ref = keys[STRIDE + REF]!;
    const n = this.length--;
    const l = STRIDE * n;
    if (n > 1) this.siftFromRoot(keys[l + TIME]!, keys[l + TIE]!, keys[l + SEQ]!, keys[l + REF]!, n - 1);
    return ref;
  }

  /**
   * Puts the entry (timeUs, tie, seq, ref) at the root of a heap of `size` nodes and restores
   * order, bottom-up (Floyd): the hole first follows the smaller children down to a leaf, one
   * comparison per level, then the entry climbs back from there. An entry that belongs low in
   * the heap (a re-armed wake-up, the last leaf) climbs little, so this makes about half the
   * comparisons of the classic sift-down, and fewer unpredictable branches.
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
