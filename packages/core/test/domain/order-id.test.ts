import { orderIdOf } from '@marksim/core';
import fc from 'fast-check';

describe('orderIdOf', () => {
  it('joins prefix, separator and number as the template literal would', () => {
    expect(orderIdOf('noise_1234', '-', 57)).toBe('noise_1234-57');
    expect(orderIdOf('mm_1', '#', 1)).toBe('mm_1#1');
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('-', '#'), fc.nat(), (prefix, separator, n) => {
        expect(orderIdOf(prefix, separator, n)).toBe(`${prefix}${separator}${n}`);
      }),
    );
  });

  it('gives equal ids for equal inputs, so they work as Map keys across calls', () => {
    const ids = new Map([[orderIdOf('informed_10', '-', 3), 'x']]);
    expect(ids.get(orderIdOf('informed_10', '-', 3))).toBe('x');
    expect(ids.has(orderIdOf('informed_10', '-', 4))).toBe(false);
  });
});
