import type { BackgroundUnitRunner } from './background-unit.runner';

/** Each app's runner, by the instances it created: wrappers live on shared prototypes, runners per app. */
const runners = new WeakMap<object, BackgroundUnitRunner>();
/** For instances Nest creates per request (or any `this` not seen at init): the latest app's runner. */
let fallback: BackgroundUnitRunner | undefined;

export function setRunnerOf(instance: object, runner: BackgroundUnitRunner): void {
  runners.set(instance, runner);
}

export function runnerOf(instance: unknown): BackgroundUnitRunner | undefined {
  return (instance && typeof instance === 'object' ? runners.get(instance) : undefined) ?? fallback;
}

/** Sets the fallback; with `onlyIf`, clears it only when it still is that runner (an app shutting down). */
export function setFallbackRunner(runner: BackgroundUnitRunner | undefined, onlyIf?: BackgroundUnitRunner): void {
  if (onlyIf === undefined || fallback === onlyIf) fallback = runner;
}
