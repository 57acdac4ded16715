import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';
import { MAX_BREADTH, MAX_PROPERTIES_MARK, MAX_WALKED_VALUES } from './scrubbing.constants';

const F = '[Filtered]';
const { scrubDeep } = createScrubEngine();

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
    const started = performance.now();
    const result = scrubDeep(sparse) as unknown[];
    expect(performance.now() - started).toBeLessThan(500);
    expect(result[2]).toBe(`password=${F}`);
    expect(result).toHaveLength(MAX_BREADTH + 1);
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
