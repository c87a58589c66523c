// Writes a benchmark result in the format of DESIGN.md § Benchmarks and prints a short table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface Metric {
  metric: string;
  value: number;
  baseline: string;
  baseline_value: number;
  ratio: number;
  target: string;
  met: boolean;
}

export function metric(m: Omit<Metric, 'ratio'>): Metric {
  return { ...m, ratio: m.baseline_value === 0 ? 0 : Number((m.value / m.baseline_value).toFixed(4)) };
}

export function writeResult(name: string, metrics: Metric[], extra: Record<string, unknown> = {}): void {
  const result = {
    name,
    date: new Date().toISOString(),
    machine: `${cpus().length} cores, node ${process.versions.node.split('.')[0]}`,
    metrics,
    ...extra,
  };
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`../results/${name}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.table(metrics.map((m) => ({ metric: m.metric, value: m.value, baseline: `${m.baseline} ${m.baseline_value}`, ratio: m.ratio, target: m.target, met: m.met })));
}
