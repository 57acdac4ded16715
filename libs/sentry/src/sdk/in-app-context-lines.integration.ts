import { defineIntegration, isThenable, type Event, type StackFrame } from '@sentry/core';
import { contextLinesIntegration } from '@sentry/node';

/**
 * The SDK's `ContextLines` (same name, so a user's own still wins), given only
 * the frames of the app's own code when there are any. A Nest stack is mostly
 * framework frames (router, execution context, rxjs) whose source nobody reads
 * in Sentry, and their 15 lines each made up most of an event's bytes, of its
 * scrubbing and of its serialization. An exception with no in-app frame keeps
 * context on every frame, as before.
 */
export const inAppContextLinesIntegration = defineIntegration(() => {
  const sdk = contextLinesIntegration();
  return {
    name: 'ContextLines',
    processEvent(event, hint, client) {
      if (!sdk.processEvent) return event;
      const restore = keepInAppFramesOnly(event);
      try {
        const result = sdk.processEvent(event, hint, client);
        if (!isThenable(result)) {
          restore();
          return result;
        }
        return result.then(
          (processed) => (restore(), processed),
          (error: unknown) => {
            restore();
            throw error;
          },
        );
      } catch (error) {
        restore();
        throw error;
      }
    },
  };
});

/** Hides library frames from the SDK for the time it adds context; returns the undo. */
function keepInAppFramesOnly(event: Event): () => void {
  const hidden: Array<{ stacktrace: { frames?: StackFrame[] }; frames: StackFrame[] }> = [];
  for (const exception of event.exception?.values ?? []) {
    const stacktrace = exception.stacktrace;
    const frames = stacktrace?.frames;
    if (!stacktrace || !frames?.length) continue;
    const inApp = frames.filter((frame) => frame.in_app === true);
    if (inApp.length === 0 || inApp.length === frames.length) continue;
    hidden.push({ stacktrace, frames });
    stacktrace.frames = inApp;
  }
  return () => {
    for (const { stacktrace, frames } of hidden) stacktrace.frames = frames;
  };
}
