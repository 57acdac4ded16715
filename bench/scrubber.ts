import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ScrubberOutcome {
  status: 'ran' | 'missing' | 'failed';
  /** Whatever `runScrubberBench()` returned (string, rows or an object), or why it did not run. */
  result?: unknown;
  note: string;
  seconds?: number;
}

/**
 * Runs the scrubber micro-benchmark owned by the scrubbing work, if it is there.
 * Loaded at run time: the harness must work before (and without) that file.
 */
export async function runScrubberIfPresent(benchDir: string): Promise<ScrubberOutcome> {
  const file = join(benchDir, 'scrubber.bench.ts');
  if (!existsSync(file)) return { status: 'missing', note: 'bench/scrubber.bench.ts does not exist yet - skipped' };
  const started = Date.now();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(file) as { runScrubberBench?: () => unknown };
    if (typeof loaded.runScrubberBench !== 'function') {
      return { status: 'missing', note: 'bench/scrubber.bench.ts exports no runScrubberBench() - skipped' };
    }
    const result = await loaded.runScrubberBench();
    return { status: 'ran', result, note: 'bench/scrubber.bench.ts runScrubberBench()', seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    return { status: 'failed', note: `runScrubberBench() failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
