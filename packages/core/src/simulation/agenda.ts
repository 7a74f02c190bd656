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

/**
 * Array-backed binary min-heap of agenda entries. The sort keys live in typed arrays beside the
 * heap, so sifting compares contiguous numbers instead of chasing entry objects: with 10 000
 * agents the heap stays in cache and the cost per event hardly grows with the agent count.
 */
export class Agenda<Member> {
  private entries: AgendaEntry<Member>[] = [];
  private times = new Float64Array(1024);
  private ties = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private length = 0;
  private nextSeq = 0;

  get size(): number {
    return this.length;
  }

  /** Time of the earliest entry, or Infinity when empty. */
  peekTimeUs(): number {
    return this.length > 0 ? this.times[0]! : Number.POSITIVE_INFINITY;
  }

  peek(): AgendaEntry<Member> | undefined {
    return this.length > 0 ? this.entries[0] : undefined;
  }

  /** Queues `entry` at (timeUs, tie); equal keys leave in insertion order. */
  push(entry: AgendaEntry<Member>, timeUs: number, tie: number): void {
    entry.timeUs = timeUs;
    entry.tie = tie;
    entry.seq = this.nextSeq++;
    if (this.length === this.times.length) this.grow();
    const seq = entry.seq;
    const times = this.times;
    const ties = this.ties;
    const seqs = this.seqs;
    const entries = this.entries;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < timeUs) break;
      if (parentTime === timeUs) {
        const parentTie = ties[parent]!;
        // Equal (time, tie): the earlier push (smaller seq) stays first.
        if (parentTie < tie || parentTie === tie) break;
      }
      times[i] = parentTime;
      ties[i] = ties[parent]!;
      seqs[i] = seqs[parent]!;
      entries[i] = entries[parent]!;
      i = parent;
    }
    times[i] = timeUs;
    ties[i] = tie;
    seqs[i] = seq;
    entries[i] = entry;
  }

  /** Removes and returns the earliest entry. */
  pop(): AgendaEntry<Member> | undefined {
    if (this.length === 0) return undefined;
    const entries = this.entries;
    const top = entries[0]!;
    const n = --this.length;
    const times = this.times;
    const ties = this.ties;
    const seqs = this.seqs;
    const lastTime = times[n]!;
    const lastTie = ties[n]!;
    const lastSeq = seqs[n]!;
    const last = entries[n]!;
    entries[n] = undefined as unknown as AgendaEntry<Member>;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && this.before(right, left) ? right : left;
        const childTime = times[child]!;
        if (childTime > lastTime) break;
        if (childTime === lastTime) {
          const childTie = ties[child]!;
          if (childTie > lastTie || (childTie === lastTie && seqs[child]! > lastSeq)) break;
        }
        times[i] = childTime;
        ties[i] = ties[child]!;
        seqs[i] = seqs[child]!;
        entries[i] = entries[child]!;
        i = child;
      }
      times[i] = lastTime;
      ties[i] = lastTie;
      seqs[i] = lastSeq;
      entries[i] = last;
    }
    return top;
  }

  clear(): void {
    this.entries = [];
    this.length = 0;
  }

  /** Heap slot a orders before slot b. */
  private before(a: number, b: number): boolean {
    const times = this.times;
    if (times[a] !== times[b]) return times[a]! < times[b]!;
    const ties = this.ties;
    if (ties[a] !== ties[b]) return ties[a]! < ties[b]!;
    return this.seqs[a]! < this.seqs[b]!;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const ties = new Float64Array(this.ties.length * 2);
    ties.set(this.ties);
    this.ties = ties;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
