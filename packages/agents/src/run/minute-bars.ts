/** One OHLCV bar in integer units. */
export interface Bar {
  /** Start of the bar, µs since the epoch. */
  readonly openTimeUs: number;
  readonly openTicks: number;
  readonly highTicks: number;
  readonly lowTicks: number;
  readonly closeTicks: number;
  readonly volumeLots: number;
  readonly tradeCount: number;
}

/**
 * Builds consecutive fixed-length bars from trades. A bar with no trade repeats the previous
 * close with zero volume, so the close series has one value per bar (what return statistics
 * need); bars before the first trade are not emitted.
 */
export class BarBuilder {
  private readonly originUs: number;
  private readonly barUs: number;
  private readonly onBar: (bar: Bar) => void;
  private index = -1;
  private open = 0;
  private high = 0;
  private low = 0;
  private close = 0;
  private volume = 0;
  private trades = 0;

  constructor(originUs: number, barUs: number, onBar: (bar: Bar) => void) {
    this.originUs = originUs;
    this.barUs = barUs;
    this.onBar = onBar;
  }

  /** Adds one trade (times never go backwards). */
  add(timeUs: number, priceTicks: number, sizeLots: number): void {
    const index = Math.floor((timeUs - this.originUs) / this.barUs);
    if (this.index === -1) this.startBar(index, priceTicks);
    else if (index > this.index) {
      this.closeThrough(index - 1);
      this.startBar(index, priceTicks);
    }
    if (priceTicks > this.high) this.high = priceTicks;
    if (priceTicks < this.low) this.low = priceTicks;
    this.close = priceTicks;
    this.volume += sizeLots;
    this.trades++;
  }

  /** Emits every bar that ends at or before `timeUs` (flat bars over quiet minutes). */
  closeUntil(timeUs: number): void {
    if (this.index === -1) return;
    const lastComplete = Math.floor((timeUs - this.originUs) / this.barUs) - 1;
    if (lastComplete < this.index) return;
    this.closeThrough(lastComplete);
    this.startBar(lastComplete + 1, this.close);
  }

  /** Emits the current bar and flat bars up to and including bar `lastIndex`. */
  private closeThrough(lastIndex: number): void {
    this.emit();
    for (let i = this.index + 1; i <= lastIndex; i++) {
      this.startBar(i, this.close);
      this.emit();
    }
  }

  private startBar(index: number, priceTicks: number): void {
    this.index = index;
    this.open = priceTicks;
    this.high = priceTicks;
    this.low = priceTicks;
    this.close = priceTicks;
    this.volume = 0;
    this.trades = 0;
  }

  private emit(): void {
    this.onBar({
      openTimeUs: this.originUs + this.index * this.barUs,
      openTicks: this.open,
      highTicks: this.high,
      lowTicks: this.low,
      closeTicks: this.close,
      volumeLots: this.volume,
      tradeCount: this.trades,
    });
  }
}
