/** A trade-like record as core emits it. */
export function tradeRecord(seq: number, timeUs = 1_764_000_000_000_000 + seq * 1000) {
  return {
    type: 'trade' as const,
    seq,
    symbol: 'BTC/USD',
    timeUs,
    tradeId: seq,
    priceTicks: 5_000_000 + (seq % 97),
    sizeLots: 1 + (seq % 13),
    aggressor: seq % 2 === 0 ? ('buy' as const) : ('sell' as const),
    makerOrderId: `m-${seq}`,
    makerOwnerId: 'mm_1',
    takerOrderId: `t-${seq}`,
    takerOwnerId: 'noise_1',
  };
}
