// The simulation's own queue of agent wake-ups and intent arrivals. It orders by (time, tie,
// insertion): the tie is a random draw from the agent's scheduling stream, so agents that wake
// at the same instant come out in a seeded random order (no agent always first), and the order
// is the same on every run with the same seed.
import type { OrderIntent } from '../agent/agent.js';

/** A wake-up of one agent. */
export const AGENDA_WAKEUP = 0;
/** Intents of one decision reaching the book. */
export const AGENDA_ARRIVAL = 1;

/** One scheduled item. Wake-up entries are reused per agent; arrival entries are fresh. */
export class AgendaEntry<Member> {
  timeUs = 0;
  tie = 0;
  seq = 0;
  kind: number;
  readonly member: Member;
  /** Arrival only: the intents, in the order the agent gave them. */
  intents: readonly OrderIntent[] | null;
  /** Arrival only: the order ids assigned to the intents at decision time. */
  orderIds: readonly string[] | null;

  constructor(kind: number, member: Member, intents: readonly OrderIntent[] | null, orderIds: readonly string[] | null) {
    this.kind = kind;
    this.member = member;
    this.intents = intents;
    this.orderIds = orderIds;
  }
}

function before<M>(x: AgendaEntry<M>, y: AgendaEntry<M>): boolean {
  if (x.timeUs !== y.timeUs) return x.timeUs < y.timeUs;
  if (x.tie !== y.tie) return x.tie < y.tie;
  return x.seq < y.seq;
}

/** Array-backed binary min-heap of agenda entries. */
export class Agenda<Member> {
  private readonly heap: AgendaEntry<Member>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest entry, or Infinity when empty. */
  peekTimeUs(): number {
    return this.heap.length > 0 ? this.heap[0]!.timeUs : Number.POSITIVE_INFINITY;
  }

  peek(): AgendaEntry<Member> | undefined {
    return this.heap[0];
  }

  /** Queues `entry` at (timeUs, tie). */
  push(entry: AgendaEntry<Member>, timeUs: number, tie: number): void {
    entry.timeUs = timeUs;
    entry.tie = tie;
    entry.seq = this.nextSeq++;
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Removes and returns the earliest entry. */
  pop(): AgendaEntry<Member> | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      // Hole-based sift-down of the last entry from the root.
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  clear(): void {
    this.heap.length = 0;
  }
}
