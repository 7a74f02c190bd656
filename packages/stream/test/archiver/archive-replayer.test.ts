import { ArchiveReplayer } from '@marksim/stream';
import type { ArchiveRecord, ReplayClock } from '@marksim/stream';

/** A clock whose sleeps return at once after moving time forward; it remembers each sleep. */
class FakeClock implements ReplayClock {
  timeMs = 1000;
  readonly sleeps: number[] = [];
  onSleep: (() => void) | undefined;
  nowMs(): number {
    return this.timeMs;
  }
  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.sleeps.push(Math.round(ms * 1000) / 1000);
    this.onSleep?.();
    if (signal.aborted) return;
    this.timeMs += ms;
  }
}

async function* recordsAt(...timesMs: number[]): AsyncGenerator<ArchiveRecord> {
  for (const [index, timeMs] of timesMs.entries()) yield { type: 'trade', seq: index + 1, timeUs: timeMs * 1000 };
}

async function collect(replayer: AsyncIterable<ArchiveRecord>): Promise<number[]> {
  const seqs: number[] = [];
  for await (const record of replayer) seqs.push(record.seq as number);
  return seqs;
}

describe('ArchiveReplayer', () => {
  it('paces records by timeUs at the given speed', async () => {
    const clock = new FakeClock();
    const replayer = new ArchiveReplayer(recordsAt(0, 1000, 1000, 4000), { speed: 2, clock });
    expect(await collect(replayer)).toEqual([1, 2, 3, 4]);
    expect(clock.sleeps).toEqual([500, 1500]);
    expect(replayer.timeUs).toBe(4_000_000);
  });

  it('replays as fast as possible at speed Infinity', async () => {
    const clock = new FakeClock();
    const replayer = new ArchiveReplayer(recordsAt(0, 60_000, 3_600_000), { speed: Infinity, clock });
    expect(await collect(replayer)).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not wait for records whose time goes backwards', async () => {
    const clock = new FakeClock();
    expect(await collect(new ArchiveReplayer(recordsAt(0, 2000, 1500, 2500), { clock }))).toEqual([1, 2, 3, 4]);
    expect(clock.sleeps).toEqual([2000, 500]);
  });

  it('re-plans the current wait when the speed changes', async () => {
    const clock = new FakeClock();
    const replayer = new ArchiveReplayer(recordsAt(0, 10_000, 20_000), { speed: 1, clock });
    clock.onSleep = () => {
      if (clock.sleeps.length === 1) replayer.setSpeed(10);
    };
    expect(await collect(replayer)).toEqual([1, 2, 3]);
    // The first 10 s wait was cut short by setSpeed(10): re-planned as 1 s, then 1 s again.
    expect(clock.sleeps).toEqual([10_000, 1000, 1000]);
  });

  it('holds records while paused', async () => {
    const clock = new FakeClock();
    const replayer = new ArchiveReplayer(recordsAt(0, 100), { clock });
    const iterator = replayer[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ seq: 1 });
    replayer.pause();
    const second = iterator.next();
    let got = false;
    void second.then(() => {
      got = true;
    });
    for (let tick = 0; tick < 5; tick++) await Promise.resolve();
    expect(got).toBe(false);
    clock.timeMs += 60_000;
    replayer.resume();
    expect((await second).value).toMatchObject({ seq: 2 });
    // Pacing restarted at resume: the 100 ms gap is still honoured, time spent paused is not made up.
    expect(clock.sleeps).toEqual([100]);
  });

  it('rejects a speed that is not > 0', () => {
    expect(() => new ArchiveReplayer(recordsAt(), { speed: 0 })).toThrow('speed must be > 0 or Infinity (got 0)');
    expect(() => new ArchiveReplayer(recordsAt()).setSpeed(-2)).toThrow('(got -2)');
  });
});
