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
    const lastTime = keys[l + TIME]!;
    const lastTie = keys[l + TIE]!;
    const lastSeq = keys[l + SEQ]!;
    const lastRef = keys[l + REF]!;
    const size = n - 1;
    let i = 1;
    for (;;) {
      let child = 2 * i;
      if (child > size) break;
      let c = STRIDE * child;
      if (child < size && this.before(c + STRIDE, c)) {
        child++;
        c += STRIDE;
      }
      const childTime = keys[c + TIME]!;
      if (childTime > lastTime) break;
      if (childTime === lastTime) {
        const childTie = keys[c + TIE]!;
        if (childTie > lastTie || (childTie === lastTie && keys[c + SEQ]! > lastSeq)) break;
      }
      const d = STRIDE * i;
      keys[d + TIME] = childTime;
      keys[d + TIE] = keys[c + TIE]!;
      keys[d + SEQ] = keys[c + SEQ]!;
      keys[d + REF] = keys[c + REF]!;
      i = child;
    }
    if (size > 0) {
      const d = STRIDE * i;
      keys[d + TIME] = lastTime;
      keys[d + TIE] = lastTie;
      keys[d + SEQ] = lastSeq;
      keys[d + REF] = lastRef;
    }
    return ref;
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
