import { BTC_USD, DecimalUnits, MarksimError } from '@marksim/core';

const units = new DecimalUnits(BTC_USD);

describe('DecimalUnits', () => {
  it('parses prices and sizes into exact integer ticks and lots', () => {
    expect(units.priceToTicks('50000.5')).toBe(5_000_050);
    expect(units.sizeToLots('0.0001')).toBe(1);
    expect(units.sizeToLots('1.5')).toBe(15_000);
  });

  it('sums 0.1 + 0.2 exactly because sizes are lots', () => {
    const lots = units.sizeToLots('0.1') + units.sizeToLots('0.2');
    expect(units.lotsToSize(lots)).toBe('0.3000');
    expect(units.lotsToNumber(lots)).toBe(0.3);
  });

  it('returns NaN for a price that is not a multiple of the tick', () => {
    expect(units.priceToTicks('50000.005')).toBeNaN();
    expect(units.sizeToLots('0.00001')).toBeNaN();
  });

  it('leaves the book as the JSON number a consumer expects', () => {
    expect(units.ticksToNumber(5_000_050)).toBe(50000.5);
    expect(units.ticksToNumber(4_999_999)).toBe(49999.99);
    expect(units.ticksToPrice(5_000_050)).toBe('50000.50');
  });

  it('round-trips every cent price between 0 and 100 through the wire number', () => {
    for (let ticks = 0; ticks <= 10_000; ticks++) {
      expect(units.priceToTicks(units.ticksToNumber(ticks))).toBe(ticks);
    }
  });

  it('throws a MarksimError naming the field for text that is not a number', () => {
    expect(() => units.priceToTicks('abc')).toThrow(MarksimError);
    expect(() => units.priceToTicks('abc')).toThrow(/price must be a decimal number \(got abc\)/);
  });

  it('refuses an instrument whose tick size is not positive', () => {
    expect(() => new DecimalUnits({ symbol: 'X', tickSize: '0', lotSize: '1' })).toThrow(/tickSize must be > 0/);
  });
});
