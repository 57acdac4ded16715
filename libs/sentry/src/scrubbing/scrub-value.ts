import { isCardNumberValue } from './number-patterns';
import { BINARY_MARK, CIRCULAR_MARK, MAX_DEPTH } from './scrubbing.constants';
import { KeyMatcher } from './sensitive-keys';
import { StringScrubber } from './sensitive-values';

/** What the walker needs from the rules. */
export interface WalkRules {
  readonly replacement: string;
  readonly isSensitiveKey: KeyMatcher;
  readonly scrubString: StringScrubber;
}

/** Returns a scrubbed deep copy; the input is never mutated. */
export type DeepScrubber = (value: unknown) => unknown;

/** Marks an object whose copy is still being built: meeting it again means a cycle. */
const IN_PROGRESS = Symbol('in-progress');

type Seen = Map<object, unknown>;

/**
 * The value kept under a sensitive key. Nothing to hide in null, undefined, '' or a boolean,
 * and keeping them helps debugging ("the token was missing"); anything else goes.
 */
export function maskSensitiveValue(value: unknown, replacement: string): unknown {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean') return value;
  return replacement;
}

interface WithToJson {
  toJSON(): unknown;
}

function hasToJson(value: object): value is WithToJson {
  return typeof (value as Partial<WithToJson>).toJSON === 'function';
}

/**
 * What will be serialized for an object: `toJSON()` when it has one (as JSON.stringify and the
 * SDK's normalize do), Maps and Errors as plain objects (a Map's entries would serialize as `{}`,
 * and an Error's name, message and stack are not enumerable), anything else as it is.
 */
function serializableForm(value: object): unknown {
  if (hasToJson(value)) return value.toJSON();
  if (value instanceof Map) {
    return Object.fromEntries(Array.from(value, ([key, item]) => [String(key), item]));
  }
  if (value instanceof Error) {
    return Object.assign({ name: value.name, message: value.message, stack: value.stack }, value);
  }
  return value;
}

/** Sets a property even when it is named `__proto__` (JSON.parse creates such own keys). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * Builds the deep, key-aware walker. A sensitive key replaces its whole value (objects and
 * arrays included); other strings go through the value patterns. Objects are copied, because
 * `extra`, contexts and breadcrumb data may be the app's own objects. Cycles become
 * `[Circular ~]`; a shared (non-cyclic) object is scrubbed once and its copy reused, so a DAG
 * costs linear time. Objects deeper than {@link MAX_DEPTH} become the replacement text.
 */
export function createDeepScrubber(rules: WalkRules): DeepScrubber {
  const { replacement, isSensitiveKey, scrubString } = rules;

  function copyArray(items: ArrayLike<unknown>, depth: number, seen: Seen): unknown[] {
    const copy = new Array<unknown>(items.length);
    for (let index = 0; index < items.length; index++) copy[index] = visit(items[index], depth + 1, seen);
    return copy;
  }

  function copyEntries(source: Record<string, unknown>, depth: number, seen: Seen): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const item = source[key];
      setOwn(copy, key, isSensitiveKey(key) ? maskSensitiveValue(item, replacement) : visit(item, depth + 1, seen));
    }
    return copy;
  }

  /** Plain objects and arrays (nearly everything in an event) take the first two branches. */
  function copyOf(value: object, depth: number, seen: Seen): unknown {
    if (Array.isArray(value)) return copyArray(value, depth, seen);
    const prototype: unknown = Object.getPrototypeOf(value);
    if ((prototype === Object.prototype || prototype === null) && !hasToJson(value)) {
      return copyEntries(value as Record<string, unknown>, depth, seen);
    }
    if (value instanceof Date) return value;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return BINARY_MARK;
    if (value instanceof Set) return copyArray(Array.from(value), depth, seen);
    const form = serializableForm(value);
    // One level deeper, so that a toJSON() returning new objects forever still ends.
    if (form !== value) return visit(form, depth + 1, seen);
    return copyEntries(value as Record<string, unknown>, depth, seen);
  }

  function visitObject(value: object, depth: number, seen: Seen): unknown {
    if (depth >= MAX_DEPTH) return replacement;
    const previous = seen.get(value);
    if (previous !== undefined) return previous === IN_PROGRESS ? CIRCULAR_MARK : previous;
    seen.set(value, IN_PROGRESS);
    const copy = copyOf(value, depth, seen);
    seen.set(value, copy);
    return copy;
  }

  function visit(value: unknown, depth: number, seen: Seen): unknown {
    switch (typeof value) {
      case 'string':
        return scrubString(value);
      case 'number':
      case 'bigint':
        return isCardNumberValue(value) ? replacement : value;
      case 'object':
        return value === null ? null : visitObject(value, depth, seen);
      default:
        return value;
    }
  }

  return (value) => visit(value, 0, new Map());
}
