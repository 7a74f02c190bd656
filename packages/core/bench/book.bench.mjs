// Book benchmarks: one seeded flow replayed through @marksim/core and through nodejs-order-book
// in the same process (thin and deep books), snapshot-after-every-event overhead, and heap bytes
// per resting order. The replays treat both libraries alike: each fills one argument object per
// kind of op (neither library keeps its argument; the differential test and the end-of-run book
// check show both see the same flow), so what is timed is the libraries, not the harness's
// allocation. Run: pnpm bench (or node --expose-gc bench/book.bench.mjs after a build).
// Prints a table, then one JSON line with the figures.
import { BTC_USD, MatchingEngine } from '../dist/index.js';
import { OrderBook } from 'nodejs-order-book';
import { OP_CANCEL, OP_LIMIT, fillMarksimOrder, generateFlow, reusableMarksimOrder } from './book-flow.mjs';
import { EventTally } from './event-tally.mjs';

const TARGETS = { thin: 3, deep: 15, snapshot: 0.6, bytesPerOrder: 200 };
const THIN = { seed: 1, ops: 1_000_000, meanOffsetTicks: 10, maxOffsetTicks: 1_000, limitSizeMaxLots: 100, marketSizeMaxLots: 150 };
const DEEP = {
  seed: 2,
  prefillOrders: 100_000,
  prefillLevelsPerSide: 500,
  ops: 500_000,
  meanOffsetTicks: 100,
  maxOffsetTicks: 500,
  limitSizeMaxLots: 100,
  marketSizeMaxLots: 40,
};
// Self-trade prevention stays on (every order has its own owner, so it never fires and both books
// trade the same), so its check is part of what is measured.
const STP = 'cancel-resting';
// Ops per turn of the lockstep snapshot measurement: a few ms of CPU, far above the timer's 1 µs.
const SNAPSHOT_CHUNK_OPS = 5_000;

// Times are CPU seconds of this process (user + system, all threads), not wall time: on a shared
// machine other processes' load stretches wall time but not the work done here, so ratios and
// ops/s stay comparable between runs. Each figure is still the best of several runs.
function startTimer() {
  return process.cpuUsage();
}

/**
 * A full collection before a timed replay (bench/run.mjs passes --expose-gc), so no replay pays
 * for the garbage of the one before it, whichever library made it.
 */
function collectGarbage() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

function seconds(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Replays ops [from, to) through a MatchingEngine; with `snapshotEveryEvent`, takes a snapshot after each event. */
function replayMarksim(engine, flow, from, to, snapshotEveryEvent) {
  const out = [];
  const { kind, ids, ref } = flow;
  const cancel = { type: 'cancel', orderId: '', timeUs: 0 };
  const order = reusableMarksimOrder(STP);
  let sink = null;
  for (let i = from; i < to; i++) {
    out.length = 0;
    if (kind[i] === OP_CANCEL) {
      cancel.orderId = ids[ref[i]];
      cancel.timeUs = i;
      engine.process(cancel, out);
    } else {
      engine.process(fillMarksimOrder(order, flow, i), out);
    }
    if (snapshotEveryEvent) for (let e = 0; e < out.length; e++) sink = engine.snapshot();
  }
  return sink;
}

/** Replays ops [from, to) through a MatchingEngine that sends its events to `sink` (processTo: no event objects). */
function replayMarksimToSink(engine, flow, from, to, sink) {
  const { kind, ids, ref } = flow;
  const cancel = { type: 'cancel', orderId: '', timeUs: 0 };
  const order = reusableMarksimOrder(STP);
  for (let i = from; i < to; i++) {
    if (kind[i] === OP_CANCEL) {
      cancel.orderId = ids[ref[i]];
      cancel.timeUs = i;
      engine.processTo(cancel, sink);
    } else {
      engine.processTo(fillMarksimOrder(order, flow, i), sink);
    }
  }
}

/** Replays ops [from, to) through a nodejs-order-book OrderBook. */
function replayNob(book, flow, from, to) {
  const { kind, ids, ref, isSell, priceTicks, sizeLots } = flow;
  const limit = { id: '', side: 'buy', size: 0, price: 0 };
  const market = { side: 'buy', size: 0 };
  for (let i = from; i < to; i++) {
    const k = kind[i];
    if (k === OP_CANCEL) {
      book.cancel(ids[ref[i]]);
    } else if (k === OP_LIMIT) {
      limit.id = ids[ref[i]];
      limit.side = isSell[i] ? 'sell' : 'buy';
      limit.size = sizeLots[i];
      limit.price = priceTicks[i];
      book.limit(limit);
    } else {
      market.side = isSell[i] ? 'sell' : 'buy';
      market.size = sizeLots[i];
      book.market(market);
    }
  }
}

/** Resting orders and lots of nodejs-order-book, to check both books ended the same. */
function nobTotals(book) {
  const snapshot = book.snapshot();
  let orders = 0;
  let lots = 0;
  for (const level of [...snapshot.bids, ...snapshot.asks]) {
    for (const order of level.orders) {
      orders++;
      lots += order.size;
    }
  }
  return { orders, lots };
}

function marksimTotals(engine) {
  const { bids, asks } = engine.book.depth();
  let lots = 0;
  for (const level of [...bids, ...asks]) lots += level.sizeLots;
  return { orders: engine.book.orderCount, lots };
}

function sameBook(engine, book) {
  const ours = marksimTotals(engine);
  const theirs = nobTotals(book);
  return ours.orders === theirs.orders && ours.lots === theirs.lots;
}

/**
 * Times one flow through both books: the prefill untimed, then ops [prefill, total). Ours runs
 * twice per round, once per way of taking events: through a BookEventSink (`processTo`, the
 * headline figure: every event reaches a consumer, no object per event) and as event objects
 * (`process`). Runs alternate between the libraries and each keeps its best time, so a burst of
 * load from other processes on a shared machine does not decide the ratio.
 */
function compare(flow, runs) {
  const from = flow.prefillOrders;
  const ops = flow.total - from;
  // Warm every code path on a throwaway replay of a prefix.
  const warmTo = Math.min(flow.total, from + 100_000);
  replayMarksim(new MatchingEngine({ instrument: BTC_USD }), flow, 0, warmTo, false);
  replayMarksimToSink(new MatchingEngine({ instrument: BTC_USD }), flow, 0, warmTo, new EventTally());
  replayNob(new OrderBook(), flow, 0, warmTo);
  let sinkS = Number.POSITIVE_INFINITY;
  let objectsS = Number.POSITIVE_INFINITY;
  let theirsS = Number.POSITIVE_INFINITY;
  let same = true;
  for (let run = 0; run < runs; run++) {
    const tally = new EventTally();
    const sinkEngine = new MatchingEngine({ instrument: BTC_USD });
    replayMarksimToSink(sinkEngine, flow, 0, from, tally);
    collectGarbage();
    let start = startTimer();
    replayMarksimToSink(sinkEngine, flow, from, flow.total, tally);
    sinkS = Math.min(sinkS, seconds(start));

    const engine = new MatchingEngine({ instrument: BTC_USD });
    replayMarksim(engine, flow, 0, from, false);
    collectGarbage();
    start = startTimer();
    replayMarksim(engine, flow, from, flow.total, false);
    objectsS = Math.min(objectsS, seconds(start));

    const book = new OrderBook();
    replayNob(book, flow, 0, from);
    collectGarbage();
    start = startTimer();
    replayNob(book, flow, from, flow.total);
    theirsS = Math.min(theirsS, seconds(start));
    // Both ways of taking events saw every event (same count, no gap) and left the same book as theirs.
    same &&= tally.seqGaps === 0 && tally.lastSeq === engine.lastSeq && sinkEngine.lastSeq === engine.lastSeq;
    same &&= sameBook(engine, book) && sameBook(sinkEngine, book);
  }
  return { ops, sinkS, objectsS, theirsS, ratio: theirsS / sinkS, objectsRatio: theirsS / objectsS, same };
}

/** Throughput with a snapshot after every event relative to without, best of `runs` alternating whole runs each. */
function snapshotRatioSeparateRuns(flow, runs) {
  let plainS = Number.POSITIVE_INFINITY;
  let snapS = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    let start = startTimer();
    replayMarksim(new MatchingEngine({ instrument: BTC_USD }), flow, 0, flow.total, false);
    plainS = Math.min(plainS, seconds(start));
    start = startTimer();
    replayMarksim(new MatchingEngine({ instrument: BTC_USD }), flow, 0, flow.total, true);
    snapS = Math.min(snapS, seconds(start));
  }
  return { plainS, snapS, ratio: plainS / snapS };
}

/**
 * Throughput with a snapshot after every event relative to without, the two replays run in
 * lockstep: two engines take the flow in alternating chunks of SNAPSHOT_CHUNK_OPS (which one goes
 * first alternates too) and each sums its own CPU time. Both replays then see the same load from
 * other processes at the same moments, so the ratio no longer depends on which whole run a burst
 * of load or a major GC happened to hit (whole separate runs swing by ±0.1 on a shared machine).
 * Round 0 warms up and is not counted.
 */
function snapshotRatioLockstep(flow, rounds) {
  let plainS = 0;
  let snapS = 0;
  for (let round = 0; round <= rounds; round++) {
    const plain = new MatchingEngine({ instrument: BTC_USD });
    const watched = new MatchingEngine({ instrument: BTC_USD });
    for (let from = 0, chunk = 0; from < flow.total; from += SNAPSHOT_CHUNK_OPS, chunk++) {
      const to = Math.min(flow.total, from + SNAPSHOT_CHUNK_OPS);
      for (let turn = 0; turn < 2; turn++) {
        const snapshotEveryEvent = (turn ^ (chunk & 1)) === 1;
        const start = startTimer();
        replayMarksim(snapshotEveryEvent ? watched : plain, flow, from, to, snapshotEveryEvent);
        const used = seconds(start);
        if (round === 0) continue;
        if (snapshotEveryEvent) snapS += used;
        else plainS += used;
      }
    }
    if (JSON.stringify(plain.snapshot()) !== JSON.stringify(watched.snapshot())) {
      throw new Error('the replays with and without snapshots ended with different books');
    }
  }
  // Seconds per whole replay, like the separate-runs figures.
  return { plainS: plainS / rounds, snapS: snapS / rounds, ratio: plainS / snapS };
}

/** Heap used plus ArrayBuffer backing stores (the order index keeps its hashes in an Int32Array, off-heap). */
function usedBytes() {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Heap bytes per resting order of a deep book (100 k orders on 1 000 levels), ids and index included. */
function bytesPerRestingOrder() {
  if (typeof globalThis.gc !== 'function') return null;
  const orders = DEEP.prefillOrders;
  globalThis.gc();
  const before = usedBytes();
  const engine = new MatchingEngine({ instrument: BTC_USD });
  const out = [];
  // Realistic µs timestamps (epoch-based, beyond small-integer range) so times cost what they will in a run.
  const startUs = 1_700_000_000_000_000;
  for (let i = 0; i < orders; i++) {
    out.length = 0;
    const isSell = (i & 1) === 1;
    const offset = 1 + ((i >> 1) % DEEP.prefillLevelsPerSide);
    const orderId = `d${i}`;
    engine.process(
      {
        type: 'new',
        orderId,
        ownerId: 'agent-7',
        side: isSell ? 'sell' : 'buy',
        orderType: 'limit',
        priceTicks: isSell ? 5_000_000 + offset : 5_000_000 - offset,
        sizeLots: 1 + (i % 100),
        timeInForce: 'gtc',
        postOnly: false,
        selfTradePrevention: STP,
        timeUs: startUs + i,
      },
      out,
    );
  }
  out.length = 0;
  globalThis.gc();
  const after = usedBytes();
  if (engine.book.orderCount !== orders) throw new Error(`expected ${orders} resting orders, got ${engine.book.orderCount}`);
  return { bytes: (after - before) / orders, levels: engine.book.bidLevelCount + engine.book.askLevelCount };
}

const perS = (ops, s) => Math.round(ops / s);

/** Two table rows for one flow: events through a sink (the headline ratio), then as objects. */
function bookRows(name, flow, result, target) {
  const row = (events, seconds, ratio, targetText) => ({
    flow: name,
    events,
    ops: fmt(result.ops),
    'marksim ops/s': fmt(result.ops / seconds),
    'nodejs-order-book ops/s': fmt(result.ops / result.theirsS),
    ratio: ratio.toFixed(2),
    target: targetText,
    'same book': result.same,
    'resting at end': flow.restingAtEnd,
  });
  return [
    row('sink (processTo)', result.sinkS, result.ratio, `>= ${target}`),
    row('objects (process)', result.objectsS, result.objectsRatio, ''),
  ];
}
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Every thin-flow figure; the flow itself is garbage once this returns, so the deep runs do not carry it. */
function thinFigures() {
  const flow = generateFlow(THIN);
  return {
    thin: compare(flow, 2),
    snapshot: snapshotRatioLockstep(flow, 2),
    snapshotSeparate: snapshotRatioSeparateRuns(flow, 3),
    restingAtEnd: flow.restingAtEnd,
    total: flow.total,
  };
}

const memory = bytesPerRestingOrder();
const { thin, snapshot, snapshotSeparate, ...thinFlow } = thinFigures();
collectGarbage();
const deepFlow = generateFlow(DEEP);
const deep = compare(deepFlow, 3);

console.log('Order book: one seeded flow through @marksim/core and nodejs-order-book 10.1.1 (ops per CPU second, best of runs)');
console.table([
  ...bookRows('thin', thinFlow, thin, TARGETS.thin),
  ...bookRows('deep', deepFlow, deep, TARGETS.deep),
]);
console.table([
  {
    measure: 'snapshot after every event (thin flow, lockstep)',
    value: `${fmt(thinFlow.total / snapshot.snapS)} vs ${fmt(thinFlow.total / snapshot.plainS)} ops/s = ${snapshot.ratio.toFixed(2)}`,
    target: `>= ${TARGETS.snapshot}`,
  },
  {
    measure: 'same, best of 3 separate whole runs each (load-sensitive)',
    value: `${fmt(thinFlow.total / snapshotSeparate.snapS)} vs ${fmt(thinFlow.total / snapshotSeparate.plainS)} ops/s = ${snapshotSeparate.ratio.toFixed(2)}`,
    target: '',
  },
  {
    measure: 'heap per resting order (100 k orders, 1 000 levels)',
    value: memory === null ? 'n/a (run with --expose-gc)' : `${memory.bytes.toFixed(1)} bytes`,
    target: `<= ${TARGETS.bytesPerOrder}`,
  },
]);
console.log(
  JSON.stringify({
    ratio_vs_nodejs_order_book_thin: Number(thin.ratio.toFixed(2)),
    ratio_vs_nodejs_order_book_deep: Number(deep.ratio.toFixed(2)),
    ratio_vs_nodejs_order_book_thin_event_objects: Number(thin.objectsRatio.toFixed(2)),
    ratio_vs_nodejs_order_book_deep_event_objects: Number(deep.objectsRatio.toFixed(2)),
    snapshot_every_event_ratio: Number(snapshot.ratio.toFixed(3)),
    snapshot_every_event_ratio_separate_runs: Number(snapshotSeparate.ratio.toFixed(3)),
    bytes_per_resting_order: memory === null ? null : Number(memory.bytes.toFixed(1)),
    marksim_thin_ops_per_s: perS(thin.ops, thin.sinkS),
    marksim_thin_event_objects_ops_per_s: perS(thin.ops, thin.objectsS),
    nodejs_order_book_thin_ops_per_s: perS(thin.ops, thin.theirsS),
    marksim_deep_ops_per_s: perS(deep.ops, deep.sinkS),
    marksim_deep_event_objects_ops_per_s: perS(deep.ops, deep.objectsS),
    nodejs_order_book_deep_ops_per_s: perS(deep.ops, deep.theirsS),
  }),
);
