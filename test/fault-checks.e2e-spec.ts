import { backoffViolations, latencyClause } from './support/fault-checks';

/**
 * The fault matrix's back-off verdict and its latency column, checked on made-up timelines so
 * each one can be seen to fail (latency is reported in the table, never a verdict).
 */
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

  describe('latency clause in the report', () => {
    it('20%: within 20% over the healthy median p99', () => {
      expect(latencyClause(120, [100, 100, 100])).toBe('20%');
      expect(latencyClause(119, [100, 100, 100])).toBe('20%');
      expect(latencyClause(121, [100, 100, 100])).toBe('none');
    });

    it('floor: within 2 ms when p99 is a few milliseconds', () => {
      expect(latencyClause(5, [3, 3, 4])).toBe('floor');
      expect(latencyClause(6, [3, 3, 4])).toBe('none');
    });

    it('worst healthy run: on a box noisier than 20%', () => {
      expect(latencyClause(180, [90, 100, 110, 200])).toBe('worst healthy run');
      expect(latencyClause(201, [90, 100, 110, 200])).toBe('none');
    });
  });
});
