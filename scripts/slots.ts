// `npm run --silent slots -- <scenario.json>`: the slot engine on one scenario file (API.md, "Slot engine
// harness"). Prints {"slots":[…]} on one line; an unreadable or invalid scenario → stderr and exit code 2.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { computeSlots, scenarioSchema } from '../src/modules/scheduling/slots/index.js';

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

function main(path: string | undefined): void {
  if (path === undefined) return fail('Usage: npm run --silent slots -- <scenario.json>');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(`Cannot read a JSON scenario from ${path}: ${(error as Error).message}`);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) return fail(`Invalid scenario ${path}:\n${z.prettifyError(parsed.error)}`);
  process.stdout.write(`${JSON.stringify({ slots: computeSlots(parsed.data) })}\n`);
}

main(process.argv[2]);
