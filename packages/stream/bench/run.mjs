// Benchmarks of @marksim/stream on the built package: publish fan-out to lossy subscribers,
// lossless (wait) hand-off through an async iterator, archiving to gzip NDJSON and reading back.
// Prints a table, then one JSON line with the figures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Archiver, BoundedStream, SILENT_LOGGER, readArchive } from '../dist/index.js';

function trade(seq) {
  return {
    type: 'trade', seq, symbol: 'BTC/USD', timeUs: 1_764_000_000_000_000 + seq * 1000, tradeId: seq,
    priceTicks: 5_000_000 + (seq % 97), sizeLots: 1 + (seq % 13), aggressor: seq % 2 ? 'sell' : 'buy',
    makerOrderId: `m-${seq}`, makerOwnerId: 'mm_1', takerOrderId: `t-${seq}`, takerOwnerId: 'noise_1',
  };
}

function timed(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function timedAsync(fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Publishes to `subscribers` lossy subscribers that never read (the slow-client case). */
function fanOut(subscribers, publishes) {
  const stream = new BoundedStream();
  for (let index = 0; index < subscribers; index++) {
    stream.subscribe({ capacity: 100, channels: { events: 'drop-oldest', ticker: 'conflate' } });
  }
  const events = Array.from({ length: 1000 }, (_, index) => trade(index));
  const ticker = { symbol: 'BTC/USD', timeUs: 0, lastPriceTicks: 1 };
  for (let seq = 0; seq < 20_000; seq++) stream.publish(seq % 10 ? 'events' : 'ticker', seq % 10 ? events[seq % 1000] : ticker);
  const { ms } = timed(() => {
    for (let seq = 0; seq < publishes; seq++) stream.publish(seq % 10 ? 'events' : 'ticker', seq % 10 ? events[seq % 1000] : ticker);
  });
  return { publishesPerS: (publishes / ms) * 1000, nsPerOffer: (ms * 1e6) / (publishes * subscribers) };
}

/** A producer that awaits a wait-policy consumer reading through for-await. */
async function lossless(items) {
  const stream = new BoundedStream();
  const subscription = stream.subscribe({ capacity: 1024, channels: { events: 'wait' } });
  const event = trade(1);
  let received = 0;
  const { ms } = await timedAsync(async () => {
    const consumer = (async () => {
      for await (const delivery of subscription) if (delivery.type === 'item') received++;
    })();
    for (let seq = 0; seq < items; seq++) {
      const wait = stream.publish('events', event);
      if (wait) await wait;
    }
    stream.close();
    await consumer;
  });
  if (received !== items) throw new Error(`lost items: ${received} of ${items}`);
  return { itemsPerS: (items / ms) * 1000, waits: stream.counters.waits };
}

async function archive(records) {
  const dir = await mkdtemp(join(tmpdir(), 'marksim-bench-'));
  try {
    const archiver = await Archiver.open({ directory: dir, logger: SILENT_LOGGER });
    const write = await timedAsync(async () => {
      for (let seq = 1; seq <= records; seq++) if (!archiver.write(trade(seq))) await archiver.drained();
      await archiver.close();
    });
    let read = 0;
    const replay = await timedAsync(async () => {
      for await (const record of readArchive(dir, { logger: SILENT_LOGGER })) if (record.seq === ++read) continue;
    });
    if (read !== records) throw new Error(`read ${read} of ${records}`);
    const { compressedBytes, uncompressedBytes } = archiver.stats;
    return {
      writePerS: (records / write.ms) * 1000,
      readPerS: (records / replay.ms) * 1000,
      bytesPerRecord: compressedBytes / records,
      ratio: uncompressedBytes / compressedBytes,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fan100 = fanOut(100, 200_000);
const fan1000 = fanOut(1000, 20_000);
const wait = await lossless(500_000);
const arch = await archive(300_000);

const rows = [
  ['publish, 100 lossy subscribers not reading', `${Math.round(fan100.publishesPerS).toLocaleString('en')} publish/s`, `${fan100.nsPerOffer.toFixed(1)} ns/offer`],
  ['publish, 1000 lossy subscribers not reading', `${Math.round(fan1000.publishesPerS).toLocaleString('en')} publish/s`, `${fan1000.nsPerOffer.toFixed(1)} ns/offer`],
  ['wait policy, for-await consumer', `${Math.round(wait.itemsPerS).toLocaleString('en')} items/s`, `${wait.waits} producer waits`],
  ['archive write (gzip NDJSON)', `${Math.round(arch.writePerS).toLocaleString('en')} records/s`, `${arch.bytesPerRecord.toFixed(1)} B/record, ${arch.ratio.toFixed(1)}× smaller`],
  ['archive read', `${Math.round(arch.readPerS).toLocaleString('en')} records/s`, ''],
];
const width = [46, 26, 34];
console.log(['benchmark', 'rate', 'detail'].map((cell, index) => cell.padEnd(width[index])).join(' '));
for (const row of rows) console.log(row.map((cell, index) => cell.padEnd(width[index])).join(' '));
console.log(JSON.stringify({
  publish_per_s_100_lossy_subscribers: Math.round(fan100.publishesPerS),
  offer_ns_100_lossy_subscribers: Number(fan100.nsPerOffer.toFixed(1)),
  publish_per_s_1000_lossy_subscribers: Math.round(fan1000.publishesPerS),
  wait_items_per_s: Math.round(wait.itemsPerS),
  archive_write_records_per_s: Math.round(arch.writePerS),
  archive_read_records_per_s: Math.round(arch.readPerS),
  archive_bytes_per_record: Number(arch.bytesPerRecord.toFixed(1)),
}));
