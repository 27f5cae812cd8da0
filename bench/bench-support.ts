import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@practice/events';

const dataDirs: string[] = [];

export const newDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'practice-core-bench-'));
  dataDirs.push(dir);
  return dir;
};

/** Removes every DATA_DIR of this run (the large practice's log alone is hundreds of MiB). */
export const removeDataDirs = (): void => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

export interface LatencySummary {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const latencySummary = (latencies: readonly number[]): LatencySummary => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted[sorted.length - 1] };
};

export const metadataFor = (commandType: string, practiceId: string, occurredAt: string) => ({
  eventId: randomUUID(),
  schemaVersion: 1,
  occurredAt,
  actorUserId: randomUUID(),
  practiceId,
  correlationId: randomUUID(),
  causationId: randomUUID(),
  commandType,
});

/** A ClientCreated as the API writes it (valid against the registry's schema). */
export const clientCreated = (chartId: string, practiceId: string, i: number, occurredAt: string): NewEvent => ({
  type: 'ClientCreated',
  data: {
    chartId,
    practiceId,
    kind: 'individual',
    firstName: `First${i}`,
    lastName: `Last${i}`,
    email: `client${i}@bench.example`,
  },
  metadata: metadataFor('CreateClient', practiceId, occurredAt),
});

export const fmt = (value: number, digits = 1): string => value.toFixed(digits);
