// The simulation's own queue of agent wake-ups and intent arrivals. It orders by (time, tie,
// insertion): the tie is a random draw from the agent's scheduling stream, so agents that wake
// at the same instant come out in a seeded random order (no agent always first), and the order
// is the same on every run with the same seed.
//
// A timing wheel, like the time engine's timer queue: entries of the next ≈ 262 ms (more than a
// 100 ms wake-up interval) wait unsorted in 64 µs buckets (AgendaWheel), later ones up to ≈ 33 s
// in coarse groups of 131 ms (unsorted lists, each moved into the wheel once it fits), the rest in
// a far heap ordered by time. The coarse level matters: noise traders' exponential 250 ms gaps
// fall past the wheel a third of the time, and a heap of those would cost what the wheel saves.
// Only the bucket being reached is sorted, in a small exact-order heap. A push touches one bucket
// head and one pooled node instead of sifting through a 10 000-node heap.

import { TimerHeap } from '../time/timer-heap.js';
import { AgendaHeap } from './agenda-heap.js';
import { AgendaWheel, WHEEL_BUCKET_US, WHEEL_BUCKETS, WHEEL_SPAN_US } from './agenda-wheel.js';

/** A coarse group spans half the wheel, so a whole group fits in the wheel once it starts at the group. */
const GROUP_US = WHEEL_SPAN_US / 2;
/** Coarse groups in the ring: 256 × 131 ms ≈ 33.6 s ahead. */
const GROUPS = 256;
const NONE = -1;
/** Numbers per pooled node in `nodes`: time, tie, insertion number, reference. */
const NODE_STRIDE = 4;
const NODE_TIME = 0;
const NODE_TIE = 1;
const NODE_SEQ = 2;
const NODE_REF = 3;
const INITIAL_NODES = 256;

/**
 * Wake-ups (agent indexes) and arrivals in exact (time, tie, insertion) order. Equal (time, tie)
 * keys leave in insertion order.
 *
 * Where an entry waits depends on its bucket (time / 64 µs) against the wheel's first bucket
 * (never after any waiting entry's): before it, in the current heap; within the wheel, in its
 * bucket; later, in its coarse group (groups from `groupBase` on) or past the groups in the far
 * heap. The earliest entry overall is the current heap's root; when that runs dry it is refilled
 * with the first non-empty bucket, after the coarse groups starting no later than that bucket
 * have been moved into the wheel (groups are whole buckets, so none starts inside it).
 *
 * References: an agent index `i >= 0` is a wake-up; `-(slot + 1)` is the arrival in `slot`.
 */
export class Agenda<Arrival> {
  private readonly current = new AgendaHeap();
  private readonly wheel = new AgendaWheel();
  /** First node of each coarse group's list, by group mod GROUPS; NONE when empty. */
  private readonly groupHead = new Int32Array(GROUPS).fill(NONE);
  /** Next node in the same coarse group, by node. */
  private groupNext = new Int32Array(INITIAL_NODES);
  /** Lowest coarse group not yet moved into the wheel: group g holds times [g, g + 1) × GROUP_US. */
  private groupBase = 0;
  /** Entries in coarse groups. */
  private grouped = 0;
  /** Far-future entries by (time, insertion); their ties are applied once they reach `current`. */
  private readonly far = new TimerHeap();
  /** Time, tie, insertion number and reference of each waiting entry outside `current`, by node. */
  private nodes = new Float64Array(NODE_STRIDE * INITIAL_NODES);
  /** Free nodes (a stack: the node just freed, still in cache, is the next one used). */
  private freeNodes = new Int32Array(INITIAL_NODES);
  private freeCount = 0;
  /** Nodes ever handed out; below nodes.length / NODE_STRIDE. */
  private usedNodes = 0;
  private length = 0;
  private nextSeq = 0;
  private readonly arrivals: (Arrival | undefined)[] = [];
  /** Free arrival slots, reused so the slot array stays as long as the arrivals in flight. */
  private readonly freeSlots: number[] = [];

  constructor() {
    this.wheel.ensureNodes(INITIAL_NODES);
  }

  get size(): number {
    return this.length;
  }

  /** Time of the earliest entry, or Infinity when empty. */
  peekTimeUs(): number {
    if (this.current.length === 0 && !this.refill()) return Number.POSITIVE_INFINITY;
    return this.current.topTimeUs();
  }

  /** Whether the earliest entry is a wake-up (false for an arrival or when empty). */
  peekIsWakeup(): boolean {
    if (this.current.length === 0 && !this.refill()) return false;
    return this.current.topRef() >= 0;
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
    if (this.current.length === 0) this.refill();
    this.length--;
    return this.current.pop();
  }

  /** The agent index of the earliest entry, a wake-up, left in place (see requeueTopWakeup). */
  peekWakeup(): number {
    if (this.current.length === 0) this.refill();
    return this.current.topRef();
  }

  /** Moves the earliest entry, a wake-up, to (timeUs, tie) exactly as a pop followed by a push. */
  requeueTopWakeup(timeUs: number, tie: number): void {
    if (this.current.length === 0) this.refill();
    const agentIndex = this.current.pop();
    this.length--;
    this.push(agentIndex, timeUs, tie);
  }

  /** Removes the earliest entry, an arrival, and returns it. */
  popArrival(): Arrival {
    if (this.current.length === 0) this.refill();
    this.length--;
    const slot = -this.current.pop() - 1;
    const arrival = this.arrivals[slot]!;
    this.arrivals[slot] = undefined;
    this.freeSlots.push(slot);
    return arrival;
  }

  clear(): void {
    this.current.length = 0;
    this.wheel.clear();
    this.far.clear();
    this.groupHead.fill(NONE);
    this.groupBase = 0;
    this.grouped = 0;
    this.freeCount = 0;
    this.usedNodes = 0;
    this.length = 0;
    this.arrivals.length = 0;
    this.freeSlots.length = 0;
  }

  private push(ref: number, timeUs: number, tie: number): void {
    const seq = this.nextSeq++;
    this.length++;
    const wheel = this.wheel;
    const bucket = Math.floor(timeUs / WHEEL_BUCKET_US);
    const offset = bucket - wheel.baseBucket;
    if (offset < 0) {
      this.current.push(timeUs, tie, seq, ref);
      return;
    }
    const node = this.allocateNode();
    const nodes = this.nodes;
    const at = NODE_STRIDE * node;
    nodes[at + NODE_TIME] = timeUs;
    nodes[at + NODE_TIE] = tie;
    nodes[at + NODE_SEQ] = seq;
    nodes[at + NODE_REF] = ref;
    if (offset < WHEEL_BUCKETS) wheel.append(bucket, node);
    else this.placeLater(node, timeUs, seq);
  }

  /** Puts a node past the wheel into its coarse group, or into the far heap past the groups. */
  private placeLater(node: number, timeUs: number, seq: number): void {
    // The bucket is past the wheel, so the group is at least groupBase (see refill).
    const group = Math.floor(timeUs / GROUP_US);
    if (group >= this.groupBase + GROUPS) {
      this.far.push(timeUs, seq, node);
      return;
    }
    const index = group % GROUPS;
    this.groupNext[node] = this.groupHead[index]!;
    this.groupHead[index] = node;
    this.grouped++;
  }

  /**
   * Moves the first non-empty bucket's entries into `current` (which is empty) and the wheel just
   * past that bucket, so later pushes into it join them; false when nothing is left.
   */
  private refill(): boolean {
    const wheel = this.wheel;
    for (;;) {
      let offset = wheel.count > 0 ? wheel.firstOffset() : NONE;
      let startUs = offset !== NONE ? (wheel.baseBucket + offset) * WHEEL_BUCKET_US : Number.POSITIVE_INFINITY;
      // A group starting no later than the first bucket may hold earlier entries: move it into the
      // wheel first, starting the wheel at the group (no held entry is before it), so the whole
      // group (half the wheel) fits.
      while (this.grouped > 0 && this.groupBase * GROUP_US <= startUs) {
        const group = this.groupBase++;
        const index = group % GROUPS;
        let node = this.groupHead[index]!;
        if (node === NONE) continue;
        this.groupHead[index] = NONE;
        wheel.advanceTo((group * GROUP_US) / WHEEL_BUCKET_US);
        while (node !== NONE) {
          const next = this.groupNext[node]!;
          wheel.append(Math.floor(this.nodes[NODE_STRIDE * node + NODE_TIME]! / WHEEL_BUCKET_US), node);
          this.grouped--;
          node = next;
        }
        offset = wheel.firstOffset();
        startUs = (wheel.baseBucket + offset) * WHEEL_BUCKET_US;
      }
      if (offset !== NONE) {
        // With no grouped entry the groups start where later pushes past the wheel can land.
        if (this.grouped === 0) this.groupBase = Math.max(this.groupBase, Math.floor(startUs / GROUP_US) + 1);
        this.drainBucket(offset);
        return true;
      }
      if (this.far.count === 0) return false;
      // Nothing before the far heap: jump the wheel and the groups to its earliest entry.
      wheel.advanceTo(Math.floor(this.far.keys[0]! / WHEEL_BUCKET_US));
      this.groupBase = Math.floor((wheel.baseBucket * WHEEL_BUCKET_US) / GROUP_US);
      this.migrateFar();
    }
  }

  /** Moves the bucket `offset` after the wheel's first into `current`, and the wheel just past it. */
  private drainBucket(offset: number): void {
    const wheel = this.wheel;
    const nodes = this.nodes;
    const current = this.current;
    const next = wheel.next;
    let node = wheel.take(offset);
    let taken = 0;
    while (node !== NONE) {
      const at = NODE_STRIDE * node;
      current.push(nodes[at + NODE_TIME]!, nodes[at + NODE_TIE]!, nodes[at + NODE_SEQ]!, nodes[at + NODE_REF]!);
      this.freeNodes[this.freeCount++] = node;
      taken++;
      node = next[node]!;
    }
    wheel.removed(taken);
    wheel.advanceTo(wheel.baseBucket + offset + 1);
    this.migrateFar();
  }

  /** Moves the far entries that the wheel or the groups now cover out of the far heap. */
  private migrateFar(): void {
    const far = this.far;
    const wheel = this.wheel;
    const limitUs = (this.groupBase + GROUPS) * GROUP_US;
    while (far.count > 0 && far.keys[0]! < limitUs) {
      const timeUs = far.keys[0]!;
      const seq = far.keys[1]!;
      const node = far.slots[0]!;
      far.removeTop();
      const bucket = Math.floor(timeUs / WHEEL_BUCKET_US);
      if (bucket - wheel.baseBucket < WHEEL_BUCKETS) wheel.append(bucket, node);
      else this.placeLater(node, timeUs, seq);
    }
  }

  private allocateNode(): number {
    if (this.freeCount > 0) return this.freeNodes[--this.freeCount]!;
    if (this.usedNodes * NODE_STRIDE === this.nodes.length) this.growNodes();
    return this.usedNodes++;
  }

  private growNodes(): void {
    const capacity = 2 * (this.nodes.length / NODE_STRIDE);
    const nodes = new Float64Array(NODE_STRIDE * capacity);
    nodes.set(this.nodes);
    this.nodes = nodes;
    const freeNodes = new Int32Array(capacity);
    freeNodes.set(this.freeNodes);
    this.freeNodes = freeNodes;
    const groupNext = new Int32Array(capacity);
    groupNext.set(this.groupNext);
    this.groupNext = groupNext;
    this.wheel.ensureNodes(capacity);
  }
}
