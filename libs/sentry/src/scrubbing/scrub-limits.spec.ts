import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';
import {
  MAX_BREADTH,
  MAX_DEPTH,
  MAX_PROPERTIES_MARK,
  MAX_SCANNED_STRING_LENGTH,
  MAX_WALKED_VALUES,
  TRUNCATION_MARK,
} from './scrubbing.constants';

const F = '[Filtered]';
const { scrubDeep } = createScrubEngine();

/**
 * The array behind a Proxy that counts reads of its items. Past `limit` reads it throws, so a
 * walker that follows `length` fails the test at once instead of running for minutes.
 */
function itemReadCounter(items: unknown[], limit: number): { array: unknown[]; reads: () => number } {
  let reads = 0;
  const array = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key) && ++reads > limit) {
        throw new Error(`read ${reads} items of an array of length ${target.length}`);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { array, reads: () => reads };
}

/** A chain `{ child: { child: … leaf } }` whose levels record when their keys are listed. */
function levelReadCounter(depth: number, leaf: unknown): { root: unknown; levelsRead: () => number } {
  const read = new Set<number>();
  let root: unknown = leaf;
  for (let level = depth; level > 0; level--) {
    root = new Proxy({ child: root }, {
      ownKeys(target) {
        read.add(level);
        return Reflect.ownKeys(target);
      },
    });
  }
  return { root, levelsRead: () => read.size };
}

/** A user pattern that records the length of every text handed to it: the scrubber's last pattern pass. */
class LengthRecordingPattern extends RegExp {
  readonly lengths: number[] = [];

  constructor() {
    super('ZqNeverMatches9', 'g');
  }

  override [Symbol.replace](text: string, replacer: string | ((substring: string, ...args: any[]) => string)): string {
    this.lengths.push(text.length);
    return super[Symbol.replace](text, replacer as (substring: string, ...args: any[]) => string);
  }
}

describe('the walker stays bounded on pathological payloads', () => {
  it('keeps MAX_BREADTH items of an array and marks the cut, as the SDK normalize does', () => {
    const result = scrubDeep(Array.from({ length: MAX_BREADTH + 5 }, (_, index) => `v${index}`)) as unknown[];
    expect(result).toHaveLength(MAX_BREADTH + 1);
    expect(result[MAX_BREADTH - 1]).toBe(`v${MAX_BREADTH - 1}`);
    expect(result[MAX_BREADTH]).toBe(MAX_PROPERTIES_MARK);
  });

  it('walks a sparse array of the maximum length in MAX_BREADTH steps (it used to exhaust the heap)', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    sparse[2] = 'password=hunter2';
    // The walk and the rawHeaders rule read each kept item once or twice; never past the cut.
    const { array, reads } = itemReadCounter(sparse, 10 * MAX_BREADTH);
    const result = scrubDeep(array) as unknown[];
    expect(result[2]).toBe(`password=${F}`);
    expect(result).toHaveLength(MAX_BREADTH + 1);
    expect(reads()).toBeLessThanOrEqual(2 * MAX_BREADTH);
  });

  it('reads no deeper than MAX_DEPTH levels of a 10 000-deep object', () => {
    const { root, levelsRead } = levelReadCounter(10_000, { password: 'hunter2' });
    const event = createScrubber().scrubEvent({ extra: { deep: root } });
    expect(levelsRead()).toBeGreaterThan(0);
    expect(levelsRead()).toBeLessThanOrEqual(MAX_DEPTH);
    expect(JSON.stringify(event)).not.toContain('hunter2');
  });

  it('hands the value patterns at most MAX_SCANNED_STRING_LENGTH characters of a 50 MB string', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const pattern = new LengthRecordingPattern();
    const scrubber = createScrubber({ extraPatterns: [pattern] });
    const event = scrubber.scrubEvent({ message: huge, request: { data: huge }, extra: { huge } });
    const cut = MAX_SCANNED_STRING_LENGTH + TRUNCATION_MARK.length;
    // One pass per place the string sits, each over the cut text and its mark, never the 50 MB.
    expect(pattern.lengths).toEqual([cut, cut, cut]);
    expect(event?.message).toHaveLength(cut);
    expect(scrubber.failures).toBe(0);
  });

  it('keeps MAX_BREADTH keys of an object, of a Map and of a Set', () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_BREADTH * 3 }, (_, index) => [`k${index}`, index]));
    const object = scrubDeep(wide) as Record<string, unknown>;
    expect(Object.keys(object)).toHaveLength(MAX_BREADTH + 1);
    expect(object[`k${MAX_BREADTH}`]).toBe(MAX_PROPERTIES_MARK);
    const map = scrubDeep(new Map(Object.entries(wide))) as Record<string, unknown>;
    expect(Object.keys(map)).toHaveLength(MAX_BREADTH + 1);
    const set = scrubDeep(new Set(Object.values(wide))) as unknown[];
    expect(set).toHaveLength(MAX_BREADTH + 1);
  });

  it('replaces values past MAX_WALKED_VALUES with the replacement, never the raw value', () => {
    const rows = Array.from({ length: MAX_BREADTH }, () =>
      Array.from({ length: MAX_BREADTH }, () => 'raw'),
    );
    const result = scrubDeep(rows) as string[][];
    const flat = result.flat();
    expect(flat.filter((value) => value === 'raw').length).toBeLessThan(MAX_WALKED_VALUES);
    expect(flat.filter((value) => value === F).length).toBeGreaterThan(0);
    expect(new Set(flat)).toEqual(new Set(['raw', F]));
  });

  it('scrubs the description of a symbol (the SDK sends it as text)', () => {
    const result = scrubDeep({ tag: Symbol('token=abc123secret'), plain: Symbol('plain') }) as Record<string, symbol>;
    expect(result.tag.description).toBe(`token=${F}`);
    expect(result.plain.description).toBe('plain');
  });

  it('scrubs a 10 000-deep, cyclic, BigInt-holding event without a failure', () => {
    let deep: Record<string, unknown> = { password: 'hunter2' };
    for (let level = 0; level < 10_000; level++) deep = { child: deep };
    const cycle: Record<string, unknown> = { card: 4111111111111111n };
    cycle.self = cycle;
    const scrubber = createScrubber();
    const event = scrubber.scrubEvent({ extra: { deep, cycle } });
    expect(scrubber.failures).toBe(0);
    expect(JSON.stringify(event, (_key, value) => (typeof value === 'bigint' ? String(value) : value))).not.toMatch(/hunter2|4111/);
    expect((event?.extra?.cycle as Record<string, unknown>).self).toBe('[Circular ~]');
  });
});
