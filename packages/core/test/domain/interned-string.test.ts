import { internedString } from '@marksim/core';
import fc from 'fast-check';

describe('internedString', () => {
  it('returns a string equal to its input, whatever the input', () => {
    expect(internedString('noise_1234')).toBe('noise_1234');
    for (const tricky of ['', '0', '42', '__proto__', 'constructor', '1e3', '-1']) expect(internedString(tricky)).toBe(tricky);
    fc.assert(fc.property(fc.string(), (value) => expect(internedString(value)).toBe(value)));
  });
});
