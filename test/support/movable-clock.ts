/**
 * `Date.now()` that runs with real time but can be moved forward: time-window behaviour (the
 * error-storm guard) is then tested by moving past a window, not by sleeping through one and
 * hoping a busy machine kept up. Install it before the app boots: the storm guard keeps the
 * `Date.now` it found when it was built.
 */
export interface MovableClock {
  advance(ms: number): void;
  /** Puts the real `Date.now` back (code that kept this one still gets real time plus the moves). */
  restore(): void;
}

export function installMovableClock(): MovableClock {
  const realNow = Date.now;
  let offsetMs = 0;
  Date.now = () => realNow.call(Date) + offsetMs;
  return {
    advance: (ms) => {
      offsetMs += ms;
    },
    restore: () => {
      Date.now = realNow;
    },
  };
}
