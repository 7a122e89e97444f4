/**
 * Counts events per key (a network address) in a sliding window of fixed
 * buckets, so a flood from one address is refused without affecting others.
 * Kept in memory: each server instance counts for itself.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweep = setInterval(() => this.forgetOld(), Math.max(windowMs, 1000));
    this.sweep.unref();
  }

  /** Records one event for `key`; false when it is over the limit (the event is still counted). */
  take(key: string): boolean {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    recent.push(now);
    this.hits.set(key, recent);
    return recent.length <= this.limit;
  }

  /** Whether `key` is already over the limit, without counting anything. */
  blocked(key: string): boolean {
    const now = this.now();
    return (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs).length >= this.limit;
  }

  stop(): void {
    clearInterval(this.sweep);
  }

  private forgetOld(): void {
    const now = this.now();
    for (const [key, times] of this.hits) {
      const recent = times.filter((at) => at > now - this.windowMs);
      if (recent.length === 0) this.hits.delete(key);
      else this.hits.set(key, recent);
    }
  }
}
