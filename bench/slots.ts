// The slot engine, warm and in-process: `npm run --silent bench:slots -- <scenario.json>` prints
// {"iterations","medianMs","p95Ms","slots"} for one scenario; without an argument, the two standard scenarios.
// Timed: computeSlots on an already validated scenario (schema parsing happens once, outside the loop).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { computeSlots, scenarioSchema, type SlotScenario } from '../src/modules/scheduling/slots/index.js';

const WARM_UP_MS = 400;
const MEASURE_MS = 1_000;
const MIN_ITERATIONS = 200;

function load(path: string): SlotScenario {
  const parsed = scenarioSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid scenario ${path}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function round(ms: number): number {
  return Math.round(ms * 10_000) / 10_000;
}

function bench(scenario: SlotScenario) {
  let slots = 0;
  for (const until = performance.now() + WARM_UP_MS; performance.now() < until;) slots = computeSlots(scenario).length;
  const samples: number[] = [];
  for (const until = performance.now() + MEASURE_MS; performance.now() < until || samples.length < MIN_ITERATIONS;) {
    const started = performance.now();
    computeSlots(scenario);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { iterations: samples.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), slots };
}

const standard = (name: string) => fileURLToPath(new URL(`./scenarios/${name}.json`, import.meta.url));

const path = process.argv[2];
if (path !== undefined) {
  console.log(JSON.stringify(bench(load(path))));
} else {
  console.log(
    JSON.stringify({
      bench: 'slots',
      oneHost200Busy: bench(load(standard('one-host-200-busy'))),
      tenHostCollective200Busy: bench(load(standard('ten-host-collective-200-busy'))),
    }),
  );
}
