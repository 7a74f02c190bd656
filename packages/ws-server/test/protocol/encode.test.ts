import { BTC_USD, DecimalUnits } from '@marksim/core';
import type { Ticker, TradeEvent } from '@marksim/core';
import {
  bookChecksum,
  encodeBookDelta,
  encodeBookSnapshot,
  encodeCandle,
  encodeStatus,
  encodeTicker,
  encodeTickerMessage,
  encodeTrade,
} from '@marksim/ws-server/protocol';

const units = new DecimalUnits(BTC_USD);

const ticker: Ticker = {
  timeUs: 1703123456789000,
  symbol: 'BTC/USD',
  lastPriceTicks: 5000050,
  bidPriceTicks: 4999900,
  askPriceTicks: 5000100,
  bidSizeLots: 15000,
  askSizeLots: 20000,
  volume24hLots: 12507500,
  tradeCount: 3,
};

describe('encodeTicker', () => {
  it('gives exactly the seed example, 9 fields in the seed order', () => {
    const wire = encodeTicker(ticker, units);
    expect(JSON.stringify(wire)).toBe(
      '{"timestamp":1703123456789000,"symbol":"BTC/USD","last_price":50000.5,"bid_price":49999,"ask_price":50001,' +
        '"bid_size":1.5,"ask_size":2,"volume_24h":1250.75,"trade_count":3}',
    );
  });

  it('prefixes type "ticker" for subscribed clients and keeps the 9 fields', () => {
    const message = encodeTickerMessage(ticker, units);
    expect(Object.keys(message)).toEqual(['type', ...Object.keys(encodeTicker(ticker, units))]);
    expect(message).toEqual({ type: 'ticker', ...encodeTicker(ticker, units) });
  });
});

describe('encodeTrade', () => {
  it('carries the trade id, the aggressor side and the symbol sequence number', () => {
    const trade: TradeEvent = {
      type: 'trade',
      seq: 42,
      symbol: 'BTC/USD',
      timeUs: 1_000_000,
      tradeId: 9,
      priceTicks: 5000001,
      sizeLots: 1,
      aggressor: 'sell',
      makerOrderId: 'm',
      makerOwnerId: 'mm_1',
      takerOrderId: 't',
      takerOwnerId: 'noise_1',
    };
    expect(encodeTrade(trade, units)).toEqual({
      type: 'trade',
      symbol: 'BTC/USD',
      seq: 42,
      trade_id: 9,
      price: 50000.01,
      size: 0.0001,
      side: 'sell',
      timestamp: 1_000_000,
    });
  });
});

describe('encodeBookSnapshot', () => {
  it('cuts each side to depth and adds the checksum and decimals', () => {
    const book = {
      symbol: 'BTC/USD',
      seq: 10,
      timeUs: 5,
      bids: [
        { priceTicks: 100, sizeLots: 10_000, orderCount: 1 },
        { priceTicks: 99, sizeLots: 5, orderCount: 2 },
      ],
      asks: [{ priceTicks: 101, sizeLots: 1, orderCount: 1 }],
    };
    const snapshot = encodeBookSnapshot(book, 1, units);
    expect(snapshot).toEqual({
      type: 'book_snapshot',
      symbol: 'BTC/USD',
      seq: 10,
      depth: 1,
      bids: [[1, 1]],
      asks: [[1.01, 0.0001]],
      checksum: bookChecksum([[1, 1]], [[1.01, 0.0001]], 2, 4),
      timestamp: 5,
      price_decimals: 2,
      size_decimals: 4,
    });
  });
});

describe('encodeBookDelta', () => {
  it('writes removals as size 0 and links to the previous message by prev_seq', () => {
    const delta = encodeBookDelta(
      {
        symbol: 'BTC/USD',
        seq: 12,
        prevSeq: 10,
        timeUs: 7,
        bids: [{ priceTicks: 100, sizeLots: 0, orderCount: 0 }],
        asks: [],
        checksum: 123,
      },
      units,
    );
    expect(delta).toEqual({ type: 'book_delta', symbol: 'BTC/USD', seq: 12, prev_seq: 10, bids: [[1, 0]], asks: [], checksum: 123, timestamp: 7 });
  });
});

describe('encodeCandle and encodeStatus', () => {
  it('converts a bar to decimals', () => {
    const bar = {
      symbol: 'BTC/USD',
      interval: '1m' as const,
      openTimeUs: 60_000_000,
      openTicks: 100,
      highTicks: 120,
      lowTicks: 90,
      closeTicks: 110,
      volumeLots: 25_000,
      tradeCount: 4,
      closed: true,
    };
    expect(encodeCandle(bar, units)).toEqual({
      type: 'candle',
      symbol: 'BTC/USD',
      interval: '1m',
      open_time: 60_000_000,
      open: 1,
      high: 1.2,
      low: 0.9,
      close: 1.1,
      volume: 2.5,
      trade_count: 4,
      closed: true,
    });
  });

  it('rounds events per second', () => {
    expect(encodeStatus({ simTimeUs: 1, speed: 10, paused: false, clients: 3, eventsPerS: 1234.6 })).toEqual({
      type: 'status',
      sim_time: 1,
      speed: 10,
      paused: false,
      clients: 3,
      events_per_s: 1235,
    });
  });
});
