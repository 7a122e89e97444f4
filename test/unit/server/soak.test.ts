// @vitest-environment node
import { expect, it } from 'vitest';
import { runSoak } from './soak';

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

// Short by default (npm test); SOAK_OPS, SOAK_CLIENTS, SOAK_RESTARTS and SOAK_SEED make it longer (docs/sync-server.md).
it(
  'converges with nothing lost while connections drop and the server crashes and restarts',
  async () => {
    const result = await runSoak({
      clients: number('SOAK_CLIENTS', 4),
      opsPerClient: number('SOAK_OPS', 60),
      seed: number('SOAK_SEED', 20261130),
      restarts: number('SOAK_RESTARTS', 2),
      cutChance: 0.08,
      log: (line) => console.log(line),
    });
    console.log(
      `soak: ${result.operations} operations (${result.acknowledged} acknowledged before the end), ` +
        `${result.partitions} partitions, ${result.restarts} server restarts, ${result.lost.length} lost, ${result.durationMs} ms`,
    );
    expect(result.lost).toEqual([]);
    expect(result.identical).toBe(true);
    expect(result.restarts).toBe(number('SOAK_RESTARTS', 2) + 1);
    expect(result.partitions).toBeGreaterThan(0);
  },
  number('SOAK_TIMEOUT_MS', 120_000),
);
