import { AGENDA_WAKEUP, Agenda, AgendaEntry } from '../../src/simulation/agenda.js';
import { RollingVolume } from '../../src/simulation/rolling-volume.js';

describe('Agenda', () => {
  it('pops by time, then tie, then insertion order', () => {
    const agenda = new Agenda<string>();
    const push = (name: string, timeUs: number, tie: number): void => agenda.push(new AgendaEntry(AGENDA_WAKEUP, name, null, null), timeUs, tie);
    push('late', 30, 0);
    push('b', 10, 7);
    push('a', 10, 3);
    push('first-equal', 20, 5);
    push('second-equal', 20, 5);
    push('early', 5, 99);
    const order: string[] = [];
    for (let entry = agenda.pop(); entry !== undefined; entry = agenda.pop()) order.push(entry.member);
    expect(order).toEqual(['early', 'a', 'b', 'first-equal', 'second-equal', 'late']);
  });

  it('stays a heap through many random pushes and pops', () => {
    const agenda = new Agenda<number>();
    let state = 12345;
    const rand = (): number => (state = (state * 1103515245 + 12345) % 2147483648);
    const popped: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      agenda.push(new AgendaEntry(AGENDA_WAKEUP, i, null, null), rand() % 1000, rand());
      if (i % 3 === 0) popped.push(agenda.pop()!.timeUs);
    }
    let last = -1;
    for (let entry = agenda.pop(); entry !== undefined; entry = agenda.pop()) {
      expect(entry.timeUs).toBeGreaterThanOrEqual(last);
      last = entry.timeUs;
    }
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
