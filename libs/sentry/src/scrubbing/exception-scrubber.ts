import type { Event, Exception, StackFrame, Thread } from '@sentry/core';
import { ScrubEngine } from './scrub-engine';
import { createSourceContextMasker, SourceContextMasker } from './source-context';

function scrubLines(lines: string[] | undefined, engine: ScrubEngine): string[] | undefined {
  return Array.isArray(lines) ? lines.map((line) => engine.scrubString(line)) : lines;
}

/** One masker (and its window cache) per rule set. */
const sourceMaskers = new WeakMap<ScrubEngine, SourceContextMasker>();

function sourceMaskerFor(engine: ScrubEngine): SourceContextMasker {
  let masker = sourceMaskers.get(engine);
  if (masker === undefined) {
    masker = createSourceContextMasker(engine.isSensitiveKey, engine.replacement);
    sourceMaskers.set(engine, masker);
  }
  return masker;
}

function scrubSourceLines(frame: StackFrame, engine: ScrubEngine): void {
  if (frame.pre_context !== undefined) frame.pre_context = scrubLines(frame.pre_context, engine);
  if (typeof frame.context_line === 'string') frame.context_line = engine.scrubString(frame.context_line);
  if (frame.post_context !== undefined) frame.post_context = scrubLines(frame.post_context, engine);
}

/**
 * One frame, in place (frames are built by the SDK for this event): variables by key and value;
 * source lines line by line by value patterns (whose key-value rule catches
 * `const password = 'hunter2'`), then as one window (every literal of a sensitive name, also on
 * wrapped lines), then by value patterns again. Patterns first: the window pairs quotes as it
 * meets them, so after a stray one (`/"/`) it can mask the pieces around a secret and leave the
 * secret, which the patterns would no longer recognise. Idempotent because window-then-patterns
 * is (patterns-first only adds a pass that is idempotent itself).
 */
export function scrubFrame(frame: StackFrame, engine: ScrubEngine): void {
  if (frame.vars !== undefined) frame.vars = engine.scrubDeep(frame.vars) as StackFrame['vars'];
  scrubSourceLines(frame, engine);
  sourceMaskerFor(engine)(frame);
  scrubSourceLines(frame, engine);
}

function scrubFrames(frames: StackFrame[] | undefined, engine: ScrubEngine): void {
  if (!Array.isArray(frames)) return;
  for (const frame of frames) scrubFrame(frame, engine);
}

/** One exception, in place: the message, the mechanism data and every frame. */
export function scrubException(exception: Exception, engine: ScrubEngine): void {
  if (typeof exception.value === 'string') exception.value = engine.scrubString(exception.value);
  if (exception.mechanism?.data !== undefined) {
    exception.mechanism.data = engine.scrubDeep(exception.mechanism.data) as Record<string, string>;
  }
  scrubFrames(exception.stacktrace?.frames, engine);
}

/** `event.exception.values` and `event.threads.values`, in place. */
export function scrubExceptionsAndThreads(event: Event, engine: ScrubEngine): void {
  for (const exception of event.exception?.values ?? []) scrubException(exception, engine);
  for (const thread of event.threads?.values ?? ([] as Thread[])) {
    scrubFrames(thread.stacktrace?.frames, engine);
  }
}

/** The risky part of frames, for the fail-safe path: variables go entirely. */
export function dropFrameVariables(event: Event): void {
  const exceptions: Array<Exception | Thread> = [...(event.exception?.values ?? []), ...(event.threads?.values ?? [])];
  for (const { stacktrace } of exceptions) {
    for (const frame of stacktrace?.frames ?? []) delete frame.vars;
  }
}
