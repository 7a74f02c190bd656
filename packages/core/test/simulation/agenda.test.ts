import { Agenda } from '../../src/simulation/agenda.js';
import { RollingVolume } from '../../src/simulation/rolling-volume.js';

describe('Agenda', () => {
  it('pops by time, then tie, then insertion order', () => {
    const agenda = new Agenda<string>();
    agenda.pushArrival('late', 30, 0);
    agenda.pushWakeup(1, 10, 7);
    agenda.pushWakeup(0, 10, 3);
    agenda.pushArrival('first-equal', 20, 5);
    agenda.pushArrival('second-equal', 20, 5);
    agenda.pushWakeup(2, 5, 99);
    const order: (string | number)[] = [];
    while (agenda.size > 0) order.push(agenda.peekIsWakeup() ? agenda.popWakeup() : agenda.popArrival());
    expect(order).toEqual([2, 0, 1, 'first-equal', 'second-equal', 'late']);
  });

  it('reports the earliest time, and Infinity when empty', () => {
    const agenda = new Agenda<string>();
    expect(agenda.peekTimeUs()).toBe(Number.POSITIVE_INFINITY);
    expect(agenda.peekIsWakeup()).toBe(false);
    agenda.pushWakeup(0, 40, 1);
    agenda.pushArrival('order', 25, 0);
    expect(agenda.peekTimeUs()).toBe(25);
    expect(agenda.peekIsWakeup()).toBe(false);
    expect(agenda.popArrival()).toBe('order');
    expect(agenda.peekIsWakeup()).toBe(true);
    expect(agenda.popWakeup()).toBe(0);
    expect(agenda.peekTimeUs()).toBe(Number.POSITIVE_INFINITY);
  });

  it('pops in (time, tie, insertion) order through many random pushes and pops', () => {
    const agenda = new Agenda<number>();
    let state = 12345;
    const rand = (): number => (state = (state * 1103515245 + 12345) % 2147483648);
    // The reference: every live entry with its keys; the agenda must always pop the smallest.
    const live: { timeUs: number; tie: number; seq: number; id: number }[] = [];
    const popOne = (): void => {
      live.sort((a, b) => a.timeUs - b.timeUs || a.tie - b.tie || a.seq - b.seq);
      const expected = live.shift()!;
      expect(agenda.peekTimeUs()).toBe(expected.timeUs);
      const id = agenda.peekIsWakeup() ? agenda.popWakeup() : -agenda.popArrival();
      expect(id).toBe(expected.id);
    };
    for (let i = 1; i <= 3_000; i++) {
      const timeUs = rand() % 200;
      const tie = rand() % 4;
      // Odd ids are wake-ups, even ids arrivals (returned negated), so both paths reuse slots.
      if (i % 2 === 1) agenda.pushWakeup(i, timeUs, tie);
      else agenda.pushArrival(i, timeUs, tie);
      live.push({ timeUs, tie, seq: i, id: i % 2 === 1 ? i : -i });
      if (i % 3 === 0) popOne();
    }
    while (live.length > 0) popOne();
    expect(agenda.size).toBe(0);
  });

  it('keeps the exact order across the current instant, the window, the coarse groups and the far heap', () => {
    const agenda = new Agenda<number>();
    let state = 4242;
    const rand = (): number => (state = (state * 1103515245 + 12345) % 2147483648);
    const live: { timeUs: number; tie: number; seq: number; id: number }[] = [];
    // A wall-clock-like start, so bucket indexes wrap and the first push lands in the far heap.
    let nowUs = 1_700_000_000_000_000;
    let seq = 0;
    const push = (timeUs: number): void => {
      const tie = rand() % 3;
      const id = ++seq;
      if (id % 2 === 1) agenda.pushWakeup(id, timeUs, tie);
      else agenda.pushArrival(id, timeUs, tie);
      live.push({ timeUs, tie, seq: id, id: id % 2 === 1 ? id : -id });
    };
    // Offsets: same instant, within a few µs, across the 2^18 µs window, into the coarse groups
    // (up to ≈ 33 s) and past them into the far heap.
    const offsetUs = (): number => {
      const kind = rand() % 10;
      if (kind === 0) return 0;
      if (kind < 4) return rand() % 8;
      if (kind < 7) return rand() % 400_000;
      if (kind < 9) return rand() % 5_000_000;
      return rand() % 80_000_000;
    };
    for (let i = 0; i < 300; i++) push(nowUs + offsetUs());
    for (let step = 0; step < 6_000; step++) {
      live.sort((a, b) => a.timeUs - b.timeUs || a.tie - b.tie || a.seq - b.seq);
      const expected = live.shift()!;
      expect(agenda.peekTimeUs()).toBe(expected.timeUs);
      nowUs = expected.timeUs;
      const id = agenda.peekIsWakeup() ? agenda.popWakeup() : -agenda.popArrival();
      expect(id).toBe(expected.id);
      // Keep about 300 entries in flight, sometimes pushing more at the instant being drained.
      const pushes = live.length < 300 ? 1 + (rand() % 2) : rand() % 2;
      for (let p = 0; p < pushes; p++) push(nowUs + offsetUs());
    }
    while (live.length > 0) {
      live.sort((a, b) => a.timeUs - b.timeUs || a.tie - b.tie || a.seq - b.seq);
      const expected = live.shift()!;
      expect(agenda.peekTimeUs()).toBe(expected.timeUs);
      const id = agenda.peekIsWakeup() ? agenda.popWakeup() : -agenda.popArrival();
      expect(id).toBe(expected.id);
    }
    expect(agenda.size).toBe(0);
    expect(agenda.peekTimeUs()).toBe(Number.POSITIVE_INFINITY);
  });

  it('starts empty again after clear, whatever it held', () => {
    const agenda = new Agenda<string>();
    agenda.pushWakeup(0, 5_000_000_000, 1);
    agenda.pushWakeup(1, 10, 1);
    agenda.pushArrival('gone', 20, 0);
    expect(agenda.popWakeup()).toBe(1);
    agenda.clear();
    expect(agenda.size).toBe(0);
    expect(agenda.peekTimeUs()).toBe(Number.POSITIVE_INFINITY);
    agenda.pushArrival('kept', 3, 0);
    agenda.pushWakeup(2, 3, 0);
    expect(agenda.peekIsWakeup()).toBe(false);
    expect(agenda.popArrival()).toBe('kept');
    expect(agenda.popWakeup()).toBe(2);
  });

  it('requeues the earliest wake-up exactly as a pop followed by a push', () => {
    const requeued = new Agenda<number>();
    const reference = new Agenda<number>();
    let state = 777;
    const rand = (): number => (state = (state * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 500; i++) {
      const timeUs = rand() % 100;
      const tie = rand() % 3;
      requeued.pushWakeup(i, timeUs, tie);
      reference.pushWakeup(i, timeUs, tie);
    }
    requeued.pushArrival(-1, 50, 0);
    reference.pushArrival(-1, 50, 0);
    const seen: number[] = [];
    for (let step = 0; step < 5_000; step++) {
      expect(requeued.peekTimeUs()).toBe(reference.peekTimeUs());
      if (!reference.peekIsWakeup()) {
        expect(requeued.popArrival()).toBe(reference.popArrival());
        continue;
      }
      const timeUs = reference.peekTimeUs() + (rand() % 40);
      const tie = rand() % 3;
      const index = reference.popWakeup();
      reference.pushWakeup(index, timeUs, tie);
      expect(requeued.peekWakeup()).toBe(index);
      requeued.requeueTopWakeup(timeUs, tie);
      seen.push(index);
    }
    expect(new Set(seen).size).toBeGreaterThan(400);
    expect(requeued.size).toBe(reference.size);
  });
});

describe('RollingVolume', () => {
  it('sums the last 24 h of trades and forgets older ones', () => {
    const volume = new RollingVolume();
    const hourUs = 3_600_000_000;
    volume.add(0, 5);
    volume.add(12 * hourUs, 7);
    expect(volume.totalAt(23 * hourUs)).toBe(12);
    expect(volume.totalAt(24 * hourUs + 1_000_000)).toBe(7);
    expect(volume.totalAt(40 * hourUs)).toBe(0);
  });
});
