/**
 * Latency histograms that several client processes can fill and the bench can merge: 0.1 ms
 * buckets up to 2 s (exact enough for p50/p99), slower values kept as they are.
 */
import { checkNickname } from "../../shared/lobby/nicknamePolicy.ts";

const BUCKET_MS = 0.1;
const BUCKETS = 20_000;

export type HistogramJson = { buckets: [number, number][]; slow: number[]; count: number; max: number };

export class Histogram {
  private counts = new Map<number, number>();
  private slow: number[] = [];
  count = 0;
  max = 0;

  add(ms: number): void {
    const value = Math.max(0, ms);
    this.count++;
    if (value > this.max) this.max = value;
    const bucket = Math.floor(value / BUCKET_MS);
    if (bucket >= BUCKETS) this.slow.push(value);
    else this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
  }

  merge(other: HistogramJson): this {
    for (const [bucket, n] of other.buckets) this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + n);
    this.slow.push(...other.slow);
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
    return this;
  }

  /** The value below which p % of the samples fall (upper edge of its bucket); NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.min(this.count, Math.max(1, Math.ceil((p / 100) * this.count)));
    let seen = 0;
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket)!;
      if (seen >= rank) return (bucket + 1) * BUCKET_MS;
    }
    const slow = [...this.slow].sort((a, b) => a - b);
    return slow[rank - seen - 1] ?? this.max;
  }

  toJSON(): HistogramJson {
    return { buckets: [...this.counts.entries()], slow: this.slow, count: this.count, max: this.max };
  }

  static from(parts: HistogramJson[]): Histogram {
    const h = new Histogram();
    for (const part of parts) h.merge(part);
    return h;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The machine's monotonic clock in ms: comparable across the bench's processes. */
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export function growth(from: number, to: number): number {
  return from > 0 ? ((to - from) / from) * 100 : NaN;
}

/**
 * A bot's nickname: "Guest <index>", unless the word filter refuses it (it reads digits as
 * letters: "Guest 455" is refused), then another form. Unique per index.
 */
export function botNickname(index: number): string {
  for (const candidate of [`Guest ${index}`, `Pupil ${index}`, `Hex ${index.toString(16)}`, `Nr ${index.toString(36)}`, `Oct ${index.toString(8)}`]) {
    if (checkNickname(candidate).ok) return candidate;
  }
  return `Guest ${index}`;
}
