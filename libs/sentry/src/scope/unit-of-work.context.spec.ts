import { isInsideUnitOfWork, runAsUnitOfWork } from './unit-of-work.context';

describe('unit-of-work context', () => {
  it('is inside a unit in what the unit runs and awaits, and outside before and after it', async () => {
    const seen: Record<string, boolean> = { before: isInsideUnitOfWork() };
    const later = runAsUnitOfWork(async () => {
      seen.start = isInsideUnitOfWork();
      await new Promise((resolve) => setImmediate(resolve));
      seen.afterAwait = isInsideUnitOfWork();
      return 'done';
    });
    seen.whileItAwaits = isInsideUnitOfWork();
    expect(await later).toBe('done');
    seen.after = isInsideUnitOfWork();
    expect(seen).toEqual({ before: false, start: true, afterAwait: true, whileItAwaits: false, after: false });
  });

  it('returns what a sync fn returns and rethrows what it throws', () => {
    expect(runAsUnitOfWork(() => 7)).toBe(7);
    expect(() => runAsUnitOfWork(() => { throw new Error('own'); })).toThrow('own');
    expect(isInsideUnitOfWork()).toBe(false);
  });
});
