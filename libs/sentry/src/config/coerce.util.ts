import type { TransformFnParams } from 'class-transformer';

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/** Env strings become numbers; anything else ('' or 'abc') becomes NaN so validation names it. */
export function toNumber({ value }: TransformFnParams): unknown {
  if (typeof value !== 'string') return value;
  return NUMBER.test(value) ? Number(value) : Number.NaN;
}

/** Env strings become booleans; unknown words stay strings so validation names them. */
export function toBoolean({ value }: TransformFnParams): unknown {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  return value;
}
