// Token bucket for inbound client messages: `burst` messages at once, refilled at `ratePerS`.

/** Per-client inbound rate limit. */
export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  constructor(
    private readonly ratePerS: number,
    private readonly burst: number,
    private readonly nowMs: () => number = performance.now.bind(performance),
  ) {
    this.tokens = burst;
    this.lastRefillMs = nowMs();
  }

  /** Takes one token; false when the client is over its rate. */
  take(): boolean {
    const now = this.nowMs();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.lastRefillMs) * this.ratePerS) / 1000);
    this.lastRefillMs = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
