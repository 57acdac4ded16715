import { asTagValue } from './principal-shape.util';

describe('asTagValue', () => {
  it.each<[unknown, string | undefined]>([
    ['acme', 'acme'],
    ['  padded  ', 'padded'],
    [42, '42'],
    [0, '0'],
    ['x'.repeat(200), 'x'.repeat(200)],
    ['x'.repeat(201), undefined],
    ['two\nlines', undefined],
    ['tab\there', undefined],
    ['', undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [{ id: 1 }, undefined],
    [undefined, undefined],
  ])('%j -> %j', (value, expected) => {
    expect(asTagValue(value)).toBe(expected);
  });
});
