import { backoffViolations, latencyAllowanceMs, latencyClause } from './support/fault-checks';

/** The fault matrix's verdicts, checked on made-up timelines so each one can be seen to fail. */
describe('fault matrix checks', () => {
  describe('backoffViolations', () => {
    it('passes a client that waits out every window, allowing requests already in flight', () => {
      const arrivals = [0, 40, 2000, 2010, 4100];
      expect(backoffViolations(arrivals, 2000)).toEqual({ windows: 3, violations: [], inFlightMaxMs: 40 });
    });

    it('flags every request sent inside a window', () => {
      const everyFiftyMs = Array.from({ length: 50 }, (_, i) => i * 50); // ignores the 429s: 2.5 s non-stop
      const { windows, violations } = backoffViolations(everyFiftyMs, 2000, 100);
      expect(windows).toBe(2);
      expect(violations).toHaveLength(37 + 7); // 150..1950 in the first window, 2150..2450 in the second
      expect(violations[0]).toBe(150);
    });
  });

  describe('latency bound', () => {
    it('allows 20% over the healthy median p99', () => {
      expect(latencyAllowanceMs([100, 100, 100])).toBe(120);
      expect(latencyClause(119, [100, 100, 100])).toBe('20%');
      expect(latencyClause(121, [100, 100, 100])).toBe('none');
    });

    it('allows a 2 ms floor when p99 is a few milliseconds', () => {
      expect(latencyAllowanceMs([3, 3, 4])).toBe(5);
      expect(latencyClause(5, [3, 3, 4])).toBe('floor');
      expect(latencyClause(6, [3, 3, 4])).toBe('none');
    });

    it('allows no more than the worst healthy run on a box noisier than 20%', () => {
      expect(latencyClause(180, [90, 100, 110, 200])).toBe('worst healthy run');
      expect(latencyClause(201, [90, 100, 110, 200])).toBe('none');
    });
  });
});
