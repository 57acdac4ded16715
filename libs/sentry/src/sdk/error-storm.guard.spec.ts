import { ErrorStormGuard, fingerprintOf } from './error-storm.guard';

function throwAt(message: string): Error {
  return new Error(message);
}

describe('ErrorStormGuard', () => {
  it('sends the first `limit` per fingerprint and window, counts the rest, and reports the count on the next one sent', () => {
    let now = 0;
    const guard = new ErrorStormGuard({ limit: 3, windowMs: 1000 }, () => now);
    const decisions = Array.from({ length: 10 }, () => guard.decide(throwAt('same')));
    expect(decisions.map((d) => d.send)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(decisions[9].suppressed).toBe(7);
    now = 1000;
    expect(guard.decide(throwAt('same'))).toEqual({ send: true, suppressed: 7 });
    expect(guard.decide(throwAt('same'))).toEqual({ send: true, suppressed: 0 });
  });

  it('keeps fingerprints apart: another message or another throwing line is another error', () => {
    const guard = new ErrorStormGuard({ limit: 1, windowMs: 60_000 });
    expect(guard.decide(throwAt('a')).send).toBe(true);
    expect(guard.decide(throwAt('a')).send).toBe(false);
    expect(guard.decide(throwAt('b')).send).toBe(true);
    const elsewhere = new Error('a');
    expect(fingerprintOf(elsewhere)).not.toBe(fingerprintOf(throwAt('a')));
    expect(guard.decide(elsewhere).send).toBe(true);
  });

  it('fingerprints non-errors by type and value', () => {
    expect(fingerprintOf('boom')).toBe('string|boom');
    expect(fingerprintOf(42)).toBe('number|42');
  });
});
