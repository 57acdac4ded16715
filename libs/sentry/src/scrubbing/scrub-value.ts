import { isErrorCodePair } from './error-code.util';
import { isCardNumberValue } from './number-patterns';
import {
  BINARY_MARK,
  CIRCULAR_MARK,
  MAX_BREADTH,
  MAX_DEPTH,
  MAX_PROPERTIES_MARK,
  MAX_WALKED_VALUES,
} from './scrubbing.constants';
import { KeyMatcher } from './sensitive-keys';
import { StringScrubber } from './sensitive-values';
import { applyArraySiblingRules, applyObjectSiblingRules, isAwsKeyIdValue, maskAwsSecrets } from './sibling-rules';

/** What the walker needs from the rules. */
export interface WalkRules {
  readonly replacement: string;
  readonly isSensitiveKey: KeyMatcher;
  /** Header names in `rawHeaders`-style arrays; the key rules when not given. */
  readonly isSensitiveHeader?: KeyMatcher;
  readonly scrubString: StringScrubber;
}

/** Returns a scrubbed deep copy; the input is never mutated. */
export type DeepScrubber = (value: unknown) => unknown;

/** Marks an object whose copy is still being built: meeting it again means a cycle. */
const IN_PROGRESS = Symbol('in-progress');

/** The state of one walk: copies made so far (cycles, shared objects) and the values left to visit. */
interface Walk {
  readonly seen: Map<object, unknown>;
  budget: number;
}

/** The first {@link MAX_BREADTH} items of an iterable, and whether there were more. */
function firstItems<T>(items: Iterable<T>): { kept: T[]; cut: boolean } {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === MAX_BREADTH) return { kept, cut: true };
    kept.push(item);
  }
  return { kept, cut: false };
}

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
    const { kept, cut } = firstItems(value);
    const entries = kept.map(([key, item]): [string, unknown] => [String(key), item]);
    return Object.fromEntries(cut ? [...entries, ['...', MAX_PROPERTIES_MARK]] : entries);
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
 * costs linear time. Objects deeper than {@link MAX_DEPTH} become the replacement text; containers
 * keep {@link MAX_BREADTH} items, and a walk stops reading after {@link MAX_WALKED_VALUES} values.
 */
export function createDeepScrubber(rules: WalkRules): DeepScrubber {
  const { replacement, isSensitiveKey, scrubString } = rules;
  const isSensitiveHeader = rules.isSensitiveHeader ?? isSensitiveKey;
  const mask = (value: unknown): unknown => maskSensitiveValue(value, replacement);

  function copyArray(items: ArrayLike<unknown>, depth: number, walk: Walk): unknown[] {
    // Never more than MAX_BREADTH steps, whatever `length` claims (a sparse 2**32-1 array).
    const kept = Math.min(items.length, MAX_BREADTH);
    const copy = new Array<unknown>(kept);
    let besideAwsKeyId = false;
    for (let index = 0; index < kept; index++) {
      const item = items[index];
      if (!besideAwsKeyId && isAwsKeyIdValue(item)) besideAwsKeyId = true;
      copy[index] = visit(item, depth + 1, walk);
    }
    applyArraySiblingRules(items, copy, isSensitiveHeader, mask);
    if (besideAwsKeyId) maskAwsSecrets(items, copy, null, replacement);
    if (items.length > MAX_BREADTH) copy.push(MAX_PROPERTIES_MARK);
    return copy;
  }

  function copyEntries(source: Record<string, unknown>, depth: number, walk: Walk): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    const keys = Object.keys(source);
    const kept = Math.min(keys.length, MAX_BREADTH);
    let besideAwsKeyId = false;
    for (let index = 0; index < kept; index++) {
      const key = keys[index];
      const item = source[key];
      if (!besideAwsKeyId && isAwsKeyIdValue(item)) besideAwsKeyId = true;
      const masked = isSensitiveKey(key) && !isErrorCodePair(key, item);
      setOwn(copy, key, masked ? mask(item) : visit(item, depth + 1, walk));
    }
    applyObjectSiblingRules(source, copy, isSensitiveKey, mask);
    if (besideAwsKeyId) maskAwsSecrets(source, copy, keys.slice(0, kept), replacement);
    if (keys.length > MAX_BREADTH) setOwn(copy, keys[MAX_BREADTH], MAX_PROPERTIES_MARK);
    return copy;
  }

  /** Plain objects and arrays (nearly everything in an event) take the first two branches. */
  function copyOf(value: object, depth: number, walk: Walk): unknown {
    if (Array.isArray(value)) return copyArray(value, depth, walk);
    const prototype: unknown = Object.getPrototypeOf(value);
    if ((prototype === Object.prototype || prototype === null) && !hasToJson(value)) {
      return copyEntries(value as Record<string, unknown>, depth, walk);
    }
    if (value instanceof Date) return value;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return BINARY_MARK;
    if (value instanceof Set) {
      const { kept, cut } = firstItems(value);
      return copyArray(cut ? [...kept, MAX_PROPERTIES_MARK] : kept, depth, walk);
    }
    const form = serializableForm(value);
    // One level deeper, so that a toJSON() returning new objects forever still ends.
    if (form !== value) return visit(form, depth + 1, walk);
    return copyEntries(value as Record<string, unknown>, depth, walk);
  }

  function visitObject(value: object, depth: number, walk: Walk): unknown {
    if (depth >= MAX_DEPTH) return replacement;
    const previous = walk.seen.get(value);
    if (previous !== undefined) return previous === IN_PROGRESS ? CIRCULAR_MARK : previous;
    walk.seen.set(value, IN_PROGRESS);
    const copy = copyOf(value, depth, walk);
    walk.seen.set(value, copy);
    return copy;
  }

  function visit(value: unknown, depth: number, walk: Walk): unknown {
    if (--walk.budget < 0) return value === null || value === undefined ? value : replacement;
    switch (typeof value) {
      case 'string':
        return scrubString(value);
      case 'number':
      case 'bigint':
        return isCardNumberValue(value) ? replacement : value;
      case 'object':
        return value === null ? null : visitObject(value, depth, walk);
      case 'symbol':
        // The SDK serializes a symbol as `[Symbol(description)]`: its description is text too.
        return scrubSymbol(value);
      default:
        return value;
    }
  }

  function scrubSymbol(value: symbol): symbol {
    const description = value.description;
    if (description === undefined) return value;
    const scrubbed = scrubString(description);
    return scrubbed === description ? value : Symbol(scrubbed);
  }

  return (value) => visit(value, 0, { seen: new Map(), budget: MAX_WALKED_VALUES });
}
