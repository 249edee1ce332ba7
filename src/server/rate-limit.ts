/** A token bucket: `burst` at most, refilled at `perSecond`; time is passed in (ms). */
export class RateLimit {
  private tokens: number;
  private last: number | null = null;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  private refill(now: number): void {
    if (this.last !== null) this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether no token is left. */
  empty(now: number): boolean {
    this.refill(now);
    return this.tokens < 1;
  }
}
