#!/usr/bin/env node
// What a market keeps alive of what it makes: runs the default market past the bench's warm-up,
// takes a V8 heap snapshot, runs on for some events, takes a second one, and lists the objects of
// the second that the first did not have (by the heap profiler's object ids), by type, per event,
// with what holds the new strings and numbers. These are the objects the young-generation
// collector has to copy on their way to the old generation: what a larger market pays for in
// collections when its orders outlive them.
import { Session } from 'node:inspector/promises';
import { fail, parseOptions } from './bench-options.mjs';
import { warmedUpMarket } from './market-pieces.mjs';

const HELP = `usage: node packages/agents/bench/survivors.mjs [options]   (after a build)

Runs one default market, then prints the objects made during the measured events that are still
alive at their end, per event and by type, and what holds the new strings and numbers. Both heap
snapshots take some seconds and about 1 GB of memory at 10 000 agents.

  --agents N      agents in the market (default 10000)
  --events N      events between the two snapshots (default 200000)
  --warmup N      events of warm-up, besides 120 simulated seconds (default 4000000, as the bench)
  --top N         rows to list (default 15)
  --help          this text`;

const TOOL = 'survivors';
const options = parseOptions(TOOL, process.argv.slice(2), { agents: 10_000, events: 200_000, warmup: 4_000_000, top: 15 }, HELP);

/** A heap snapshot, parsed. */
async function takeSnapshot(session) {
  const chunks = [];
  const collect = (message) => chunks.push(message.params.chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await session.post('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', collect);
  return JSON.parse(chunks.join(''));
}

/** Accessors for one snapshot's flat node and edge arrays. */
function snapshotReader(snapshot) {
  const meta = snapshot.snapshot.meta;
  const nodeFields = meta.node_fields;
  const edgeFields = meta.edge_fields;
  return {
    snapshot,
    nodeSize: nodeFields.length,
    edgeSize: edgeFields.length,
    nodeTypes: meta.node_types[0],
    edgeTypes: meta.edge_types[0],
    type: nodeFields.indexOf('type'),
    name: nodeFields.indexOf('name'),
    id: nodeFields.indexOf('id'),
    selfSize: nodeFields.indexOf('self_size'),
    edgeCount: nodeFields.indexOf('edge_count'),
    edgeType: edgeFields.indexOf('type'),
    edgeName: edgeFields.indexOf('name_or_index'),
    edgeTo: edgeFields.indexOf('to_node'),
  };
}

/** How the tables name a node: its kind, and for objects and arrays their constructor or kind. */
function nodeLabel(reader, at) {
  const { snapshot } = reader;
  const type = reader.nodeTypes[snapshot.nodes[at + reader.type]];
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return 'string';
  if (type === 'number') return 'heap number';
  return `${type} ${snapshot.strings[snapshot.nodes[at + reader.name]].slice(0, 40)}`.trim();
}

/** The first snapshot's object ids, sorted, in a typed array: a Set of them would be new objects itself. */
function sortedIds(reader) {
  const nodes = reader.snapshot.nodes;
  const ids = new Float64Array(nodes.length / reader.nodeSize);
  for (let at = 0, i = 0; at < nodes.length; at += reader.nodeSize, i++) ids[i] = nodes[at + reader.id];
  return ids.sort();
}

function includes(sorted, id) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === id) return true;
    if (sorted[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * New objects by label ([count, bytes]) and holders of new strings and numbers (label → count).
 * `ownBytes` is the size of this tool's own buffer of ids, left out.
 */
function newObjects(reader, firstIds, ownBytes) {
  const { snapshot } = reader;
  const nodes = snapshot.nodes;
  const edges = snapshot.edges;
  const byLabel = new Map();
  const holders = new Map();
  let edge = 0;
  for (let at = 0; at < nodes.length; at += reader.nodeSize) {
    const label = nodeLabel(reader, at);
    const own = label === 'native system / JSArrayBufferData' && nodes[at + reader.selfSize] === ownBytes;
    if (!own && !includes(firstIds, nodes[at + reader.id])) {
      const entry = byLabel.get(label) ?? [0, 0];
      entry[0]++;
      entry[1] += nodes[at + reader.selfSize];
      byLabel.set(label, entry);
    }
    for (let k = 0; k < nodes[at + reader.edgeCount]; k++, edge += reader.edgeSize) {
      const to = edges[edge + reader.edgeTo];
      if (includes(firstIds, nodes[to + reader.id])) continue;
      const target = nodeLabel(reader, to);
      if (target !== 'string' && target !== 'heap number') continue;
      const edgeType = reader.edgeTypes[edges[edge + reader.edgeType]];
      const field = edgeType === 'element' || edgeType === 'hidden' ? `[${edgeType}]` : `.${snapshot.strings[edges[edge + reader.edgeName]]}`;
      const key = `${target} held by ${nodeLabel(reader, at)} ${field}`;
      holders.set(key, (holders.get(key) ?? 0) + 1);
    }
  }
  return { byLabel, holders };
}

if (!Number.isSafeInteger(options.agents)) fail(TOOL, `--agents must be one size (got ${options.agents})`);
console.error(`${TOOL}: warming up ${options.agents} agents (${options.warmup} events and 120 simulated seconds)…`);
const simulation = await warmedUpMarket(options.agents, options.warmup);
const session = new Session();
session.connect();
console.error(`${TOOL}: first heap snapshot…`);
const firstIds = sortedIds(snapshotReader(await takeSnapshot(session)));
const startEvents = simulation.stats().events;
const startUs = simulation.nowUs;
// Steps of 0.1 simulated second: the second snapshot comes soon after the events asked for.
while (simulation.stats().events < startEvents + options.events) await simulation.runUntil(simulation.nowUs + 100_000);
const events = simulation.stats().events - startEvents;
const simSeconds = (simulation.nowUs - startUs) / 1e6;
console.error(`${TOOL}: second heap snapshot…`);
const { byLabel, holders } = newObjects(snapshotReader(await takeSnapshot(session)), firstIds, firstIds.byteLength);
session.disconnect();
simulation.stop();

const rows = [...byLabel].sort((a, b) => b[1][1] - a[1][1]);
let objects = 0;
let bytes = 0;
for (const [, [count, size]] of rows) {
  objects += count;
  bytes += size;
}
console.log(`default market, ${options.agents} agents: objects made during ${events} events (${simSeconds.toFixed(1)} simulated s) and alive at their end`);
console.log('bytes/event  objects/event  type');
for (const [label, [count, size]] of rows.slice(0, options.top)) {
  console.log(`${(size / events).toFixed(3).padStart(11)}  ${(count / events).toFixed(4).padStart(13)}  ${label}`);
}
console.log(`${(bytes / events).toFixed(3).padStart(11)}  ${(objects / events).toFixed(4).padStart(13)}  all`);
console.log('\nholders of the new strings and numbers (count)');
for (const [key, count] of [...holders].sort((a, b) => b[1] - a[1]).slice(0, options.top)) console.log(`${String(count).padStart(8)}  ${key}`);
console.log(
  JSON.stringify({
    agents: options.agents,
    events,
    sim_seconds: Math.round(simSeconds * 10) / 10,
    new_live_bytes_per_event: Math.round((bytes / events) * 1000) / 1000,
    new_live_objects_per_event: Math.round((objects / events) * 10000) / 10000,
    top: Object.fromEntries(rows.slice(0, 5).map(([label, [count, size]]) => [label, { objects_per_event: Math.round((count / events) * 10000) / 10000, bytes_per_event: Math.round((size / events) * 1000) / 1000 }])),
  }),
);
