import { cacheResults } from './bounded-cache.util';

describe('cacheResults', () => {
  function counted(): { calls: string[]; isLong: (input: string) => boolean } {
    const calls: string[] = [];
    return { calls, isLong: (input) => (calls.push(input), input.length > 3) };
  }

  it('decides each input once', () => {
    const { calls, isLong } = counted();
    const cached = cacheResults(isLong, 10, 100);
    expect([cached('ab'), cached('abcd'), cached('ab'), cached('abcd')]).toEqual([false, true, false, true]);
    expect(calls).toEqual(['ab', 'abcd']);
  });

  it('starts over when the limit is reached, so memory stays bounded', () => {
    const { calls, isLong } = counted();
    const cached = cacheResults(isLong, 2, 100);
    ['a', 'b', 'c', 'a'].forEach((input) => cached(input));
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('never caches inputs above the length bound', () => {
    const { calls, isLong } = counted();
    const cached = cacheResults(isLong, 10, 4);
    ['abcdef', 'abcdef'].forEach((input) => cached(input));
    expect(calls).toEqual(['abcdef', 'abcdef']);
  });
});
