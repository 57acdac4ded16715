import { createScrubEngine } from './scrub-engine';
import { BINARY_MARK, CIRCULAR_MARK, MAX_DEPTH } from './scrubbing.constants';

const F = '[Filtered]';
const { scrubDeep } = createScrubEngine();

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = { child: value };
  return value;
}

function depthOf(value: unknown): number {
  let depth = 0;
  let current = value;
  while (typeof current === 'object' && current !== null) {
    current = (current as { child: unknown }).child;
    depth++;
  }
  return depth;
}

describe('deep scrubber', () => {
  it('replaces the whole value under a sensitive key, objects and arrays included', () => {
    const input = {
      credentials: { user: 'bob', password: 'x' },
      tokens: ['a', 'b'],
      pin: 1234,
      profile: { name: 'Jane', apiKey: 'k' },
    };
    expect(scrubDeep(input)).toEqual({ credentials: F, tokens: F, pin: F, profile: { name: 'Jane', apiKey: F } });
  });

  it('keeps null, undefined, empty strings and booleans under sensitive keys', () => {
    expect(scrubDeep({ password: null, token: undefined, secret: '', has_password: true })).toEqual({
      password: null, token: undefined, secret: '', has_password: true,
    });
  });

  it('runs value patterns on strings at any depth, and on arrays', () => {
    const input = { a: [{ b: 'postgres://u:pw@db/x' }, 'Bearer abcdef123456'], note: 'page=2' };
    expect(scrubDeep(input)).toEqual({ a: [{ b: `postgres://u:${F}@db/x` }, `Bearer ${F}`], note: 'page=2' });
  });

  it('filters card numbers stored as numbers or bigints, not other numbers', () => {
    expect(scrubDeep({ pan: 4111111111111111, big: 4111111111111111n, total: 1999, ts: 1700000000000 })).toEqual({
      pan: F, big: F, total: 1999, ts: 1700000000000,
    });
  });

  it('returns a copy and never mutates its input', () => {
    const input = { extra: { password: 'x', list: [1, { token: 'y' }] } };
    const before = JSON.stringify(input);
    const result = scrubDeep(input) as typeof input;
    expect(JSON.stringify(input)).toBe(before);
    expect(result).not.toBe(input);
    expect(result.extra.list).not.toBe(input.extra.list);
  });

  it('replaces cycles with a marker', () => {
    const node: Record<string, unknown> = { name: 'root', items: [] };
    node.self = node;
    (node.items as unknown[]).push(node);
    expect(scrubDeep(node)).toEqual({ name: 'root', items: [CIRCULAR_MARK], self: CIRCULAR_MARK });
  });

  it('scrubs a shared object once and reuses its copy (linear on DAGs)', () => {
    // 2^30 paths, 31 distinct objects: each one's keys must be read once, whatever the paths.
    const keyReads: number[] = [];
    const counted = (target: Record<string, unknown>): Record<string, unknown> => {
      const slot = keyReads.push(0) - 1;
      return new Proxy(target, {
        ownKeys(inner) {
          keyReads[slot] += 1;
          return Reflect.ownKeys(inner);
        },
      });
    };
    let layer = counted({ secret: 's', value: 1 });
    for (let index = 0; index < 30; index++) layer = counted({ left: layer, right: layer });
    let result = scrubDeep(layer) as Record<string, unknown>;
    expect(keyReads).toEqual(new Array(31).fill(1));
    expect(result.left).toBe(result.right);
    for (let index = 0; index < 30; index++) result = result.left as Record<string, unknown>;
    expect(result).toEqual({ secret: F, value: 1 });
  });

  it('replaces subtrees deeper than the limit', () => {
    const result = scrubDeep(nest(MAX_DEPTH + 10, 'leaf'));
    expect(depthOf(result)).toBe(MAX_DEPTH);
    expect(JSON.stringify(result)).toContain(`"child":"${F}"`);
    expect(JSON.stringify(result)).not.toContain('leaf');
  });

  it('keeps subtrees within the limit', () => {
    expect(JSON.stringify(scrubDeep(nest(MAX_DEPTH - 1, 'leaf')))).toContain('"leaf"');
  });

  it('turns Errors, Maps and Sets into plain scrubbed values', () => {
    const error = Object.assign(new Error('failed with token=abc'), { code: 'E1', password: 'x' });
    const result = scrubDeep({ error, map: new Map([['secret', 's'], ['ok', 'v']]), set: new Set(['a', 'b']) });
    expect(result).toMatchObject({
      error: { name: 'Error', message: `failed with token=${F}`, code: 'E1', password: F },
      map: { secret: F, ok: 'v' },
      set: ['a', 'b'],
    });
  });

  it('scrubs what toJSON() returns, as the SDK and JSON.stringify would serialize it', () => {
    class Credentials {
      constructor(private readonly user: string, private readonly secret: string) {}
      toJSON(): object {
        return { user: this.user, password: this.secret };
      }
    }
    class Endless {
      toJSON(): object {
        return { next: new Endless() };
      }
    }
    expect(scrubDeep({ creds: new Credentials('bob', 'x') })).toEqual({ creds: { user: 'bob', password: F } });
    expect(JSON.stringify(scrubDeep(new Endless()))).toContain(F);
  });

  it('keeps dates and replaces binary data it cannot scan', () => {
    const date = new Date(0);
    expect(scrubDeep({ date, body: Buffer.from('password=x'), raw: new ArrayBuffer(4) })).toEqual({
      date, body: BINARY_MARK, raw: BINARY_MARK,
    });
  });

  it('copies a "__proto__" own key as data, without touching the prototype', () => {
    const input = JSON.parse('{"__proto__":{"password":"x"},"a":1}') as object;
    const result = scrubDeep(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual({ password: F });
  });

  it('passes functions, symbols and primitives through', () => {
    const fn = (): void => undefined;
    const symbol = Symbol('s');
    expect(scrubDeep([fn, symbol, 1, true, null, undefined])).toEqual([fn, symbol, 1, true, null, undefined]);
  });
});
