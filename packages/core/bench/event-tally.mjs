// The book benchmarks' event consumer for MatchingEngine.processTo: a BookEventSink that folds every
// event into running totals, as a feed or a ledger would, and checks the sequence as it goes.

/** Counts events by type, sums traded and cancelled lots, and checks `seq` moves +1 per event. */
export class EventTally {
  constructor() {
    this.events = 0;
    this.trades = 0;
    this.tradedLots = 0;
    this.cancelledLots = 0;
    this.levelUpdates = 0;
    this.lastSeq = 0;
    this.seqGaps = 0;
  }

  next(seq) {
    if (seq !== this.lastSeq + 1) this.seqGaps++;
    this.lastSeq = seq;
    this.events++;
  }

  accepted(seq) {
    this.next(seq);
  }

  rejected(seq) {
    this.next(seq);
  }

  trade(seq, symbol, timeUs, tradeId, priceTicks, sizeLots) {
    this.next(seq);
    this.trades++;
    this.tradedLots += sizeLots;
  }

  cancelled(seq, symbol, timeUs, orderId, ownerId, reason, cancelledLots) {
    this.next(seq);
    this.cancelledLots += cancelledLots;
  }

  modified(seq) {
    this.next(seq);
  }

  done(seq) {
    this.next(seq);
  }

  level(seq) {
    this.next(seq);
    this.levelUpdates++;
  }
}

