// Seeded order flows for the book benchmarks, generated once and replayed through each book.
// Ops are stored in typed arrays so the timed loops read primitives and build their own call
// arguments, as a caller of either library would.
import { BTC_USD, MatchingEngine } from '../dist/index.js';

export const OP_LIMIT = 0;
export const OP_CANCEL = 1;
export const OP_MARKET = 2;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; enough for a benchmark's order flow. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A set of live order ids with O(1) add, remove and uniform random pick. */
class LiveSet {
  constructor() {
    this.items = [];
    this.positions = new Map();
  }
  get size() {
    return this.items.length;
  }
  add(ref) {
    this.positions.set(ref, this.items.length);
    this.items.push(ref);
  }
  delete(ref) {
    const position = this.positions.get(ref);
    if (position === undefined) return;
    const last = this.items.pop();
    if (last !== ref) {
      this.items[position] = last;
      this.positions.set(last, position);
    }
    this.positions.delete(ref);
  }
  pick(random) {
    return this.items[Math.floor(random() * this.items.length)];
  }
}

/**
 * A flow of `prefillOrders` resting limits (uniform over `prefillLevelsPerSide` levels each side of
 * the mid), then `ops` mixed operations: 60 % limit at an exponentially distributed offset
 * (mean `meanOffsetTicks`, capped at `maxOffsetTicks`) around a mid that random-walks one tick per
 * op, 30 % cancel of a uniformly chosen live order, 10 % market. Which orders are live is learnt
 * by running the flow through @marksim/core while generating it; the differential test shows
 * nodejs-order-book keeps the same orders live.
 */
export function generateFlow(options) {
  const { seed, ops, prefillOrders = 0, prefillLevelsPerSide = 500, meanOffsetTicks, maxOffsetTicks, limitSizeMaxLots, marketSizeMaxLots } = options;
  const total = prefillOrders + ops;
  const flow = {
    total,
    prefillOrders,
    kind: new Uint8Array(total),
    isSell: new Uint8Array(total),
    priceTicks: new Int32Array(total),
    sizeLots: new Int32Array(total),
    ref: new Int32Array(total),
    ids: [],
  };
  const random = createRandom(seed);
  const engine = new MatchingEngine({ instrument: BTC_USD });
  const live = new LiveSet();
  const out = [];
  let midTicks = 5_000_000;
  for (let i = 0; i < total; i++) {
    out.length = 0;
    let kind;
    if (i < prefillOrders) {
      kind = OP_LIMIT;
      flow.isSell[i] = i & 1;
      const offset = 1 + ((i >> 1) % prefillLevelsPerSide);
      flow.priceTicks[i] = flow.isSell[i] ? midTicks + offset : midTicks - offset;
      flow.sizeLots[i] = 1 + Math.floor(random() * limitSizeMaxLots);
    } else {
      midTicks += random() < 0.5 ? -1 : 1;
      const draw = random();
      kind = draw < 0.6 || (draw < 0.9 && live.size === 0) ? OP_LIMIT : draw < 0.9 ? OP_CANCEL : OP_MARKET;
      flow.isSell[i] = random() < 0.5 ? 1 : 0;
      if (kind === OP_LIMIT) {
        const offset = Math.min(maxOffsetTicks, Math.floor(-Math.log(1 - random()) * meanOffsetTicks));
        flow.priceTicks[i] = flow.isSell[i] ? midTicks + offset : midTicks - offset;
        flow.sizeLots[i] = 1 + Math.floor(random() * limitSizeMaxLots);
      } else if (kind === OP_MARKET) {
        flow.sizeLots[i] = 1 + Math.floor(random() * marketSizeMaxLots);
      }
    }
    flow.kind[i] = kind;
    if (kind === OP_CANCEL) {
      const ref = live.pick(random);
      flow.ref[i] = ref;
      live.delete(ref);
      engine.process({ type: 'cancel', orderId: flow.ids[ref], timeUs: i }, out);
      continue;
    }
    const ref = flow.ids.length;
    flow.ids.push(`o${ref}`);
    flow.ref[i] = ref;
    engine.process(marksimOrder(flow, i, 'none'), out);
    for (const event of out) if (event.type === 'done') live.delete(Number(event.orderId.slice(1)));
    if (kind === OP_LIMIT && engine.book.order(flow.ids[ref]) !== undefined) live.add(ref);
  }
  flow.restingAtEnd = engine.book.orderCount;
  flow.levelsAtEnd = engine.book.bidLevelCount + engine.book.askLevelCount;
  flow.tradesAtEnd = engine.book.tradeCount;
  return flow;
}

/**
 * A reusable new-order command: the replays fill one per op (`fillMarksimOrder`) instead of
 * allocating one, as a caller replaying a flow can, since the engine keeps no command.
 */
export function reusableMarksimOrder(selfTradePrevention) {
  return {
    type: 'new',
    orderId: '',
    ownerId: '',
    side: 'buy',
    orderType: 'limit',
    priceTicks: 0,
    sizeLots: 0,
    timeInForce: 'gtc',
    postOnly: false,
    selfTradePrevention,
    timeUs: 0,
  };
}

/** Fills a reusable command (from reusableMarksimOrder) with op `i` of a flow and returns it. */
export function fillMarksimOrder(command, flow, i) {
  const orderId = flow.ids[flow.ref[i]];
  const isLimit = flow.kind[i] === OP_LIMIT;
  command.orderId = orderId;
  command.ownerId = orderId;
  command.side = flow.isSell[i] === 1 ? 'sell' : 'buy';
  command.orderType = isLimit ? 'limit' : 'market';
  command.priceTicks = isLimit ? flow.priceTicks[i] : 0;
  command.sizeLots = flow.sizeLots[i];
  command.timeUs = i;
  return command;
}

/** The @marksim/core command for op `i` of a flow (a new limit or market order). */
export function marksimOrder(flow, i, selfTradePrevention) {
  const orderId = flow.ids[flow.ref[i]];
  const isLimit = flow.kind[i] === OP_LIMIT;
  return {
    type: 'new',
    orderId,
    ownerId: orderId,
    side: flow.isSell[i] === 1 ? 'sell' : 'buy',
    orderType: isLimit ? 'limit' : 'market',
    priceTicks: isLimit ? flow.priceTicks[i] : 0,
    sizeLots: flow.sizeLots[i],
    timeInForce: 'gtc',
    postOnly: false,
    selfTradePrevention,
    timeUs: i,
  };
}
