import { FrameBatcher } from '../../src/feed/frame-batcher.js';
import { ManualClock } from '../helpers/fakes.js';

function setup(options: { maxItems?: number } = {}) {
  const clock = new ManualClock();
  const batches: number[][] = [];
  const batcher = new FrameBatcher<number>({ scheduler: clock, flush: (items) => batches.push(items), maxDelayMs: 200, ...options });
  return { clock, batches, batcher };
}

describe('FrameBatcher', () => {
  it('hands over everything received before a frame as one batch', () => {
    const { clock, batches, batcher } = setup();
    for (let i = 0; i < 500; i += 1) batcher.push(i);
    expect(batches).toEqual([]);
    clock.runFrames();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(500);
    clock.advance(1_000);
    expect(batches).toHaveLength(1);
  });

  it('flushes on a timer when no frame comes (hidden tab)', () => {
    const { clock, batches, batcher } = setup();
    batcher.push(1);
    batcher.push(2);
    clock.advance(200);
    expect(batches).toEqual([[1, 2]]);
    clock.runFrames();
    expect(batches).toHaveLength(1);
  });

  it('flushes at once when the queue reaches its bound', () => {
    const { batches, batcher } = setup({ maxItems: 3 });
    for (let i = 0; i < 7; i += 1) batcher.push(i);
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(batcher.pending).toBe(1);
  });

  it('drops queued items on dispose', () => {
    const { clock, batches, batcher } = setup();
    batcher.push(1);
    batcher.dispose();
    clock.runFrames();
    clock.advance(1_000);
    expect(batches).toEqual([]);
  });
});
