import Big from 'big.js';
import type { Instrument } from '../domain/instrument.js';
import { MarksimError } from '../errors/marksim-error.js';

/** A decimal as users write it: "50000.5", 50000.5 or a Big. */
export type DecimalInput = string | number | Big;

/** The largest integer unit count we accept, so that ticks × lots stays exact in a double. */
const MAX_UNITS = Number.MAX_SAFE_INTEGER;

function toBig(value: DecimalInput, field: string): Big {
  try {
    return value instanceof Big ? value : new Big(value);
  } catch (cause) {
    throw new MarksimError('INVALID_DECIMAL', `${field} must be a decimal number (got ${String(value)})`, { cause });
  }
}

/**
 * Converts one increment ("0.01") into an integer mantissa and a power of ten, so that
 * `units × mantissa / 10^decimals` is exact in binary arithmetic: both factors are exact
 * integers and IEEE division is correctly rounded, so the result is the double nearest the
 * decimal value — the same number JSON.parse("50000.5") gives. No big.js on the hot path.
 */
function splitIncrement(increment: string, field: string): { mantissa: number; scale: number; decimals: number } {
  const big = toBig(increment, field);
  if (big.lte(0)) throw new MarksimError('INVALID_INSTRUMENT', `${field} must be > 0 (got ${increment})`);
  const decimals = Math.max(0, big.c.length - 1 - big.e);
  const scale = 10 ** decimals;
  const mantissa = Number(big.times(scale).toFixed(0));
  return { mantissa, scale, decimals };
}

/**
 * Where decimals enter and leave the book. Parsing goes through big.js (exact); leaving as a
 * wire number uses exact integer arithmetic (see splitIncrement).
 */
export class DecimalUnits {
  readonly instrument: Instrument;
  private readonly tick: Big;
  private readonly lot: Big;
  private readonly price: { mantissa: number; scale: number; decimals: number };
  private readonly size: { mantissa: number; scale: number; decimals: number };

  constructor(instrument: Instrument) {
    this.instrument = instrument;
    this.tick = toBig(instrument.tickSize, 'instrument.tickSize');
    this.lot = toBig(instrument.lotSize, 'instrument.lotSize');
    this.price = splitIncrement(instrument.tickSize, 'instrument.tickSize');
    this.size = splitIncrement(instrument.lotSize, 'instrument.lotSize');
  }

  /** Digits after the decimal point of a price at this tick size. */
  get priceDecimals(): number {
    return this.price.decimals;
  }

  /** Digits after the decimal point of a size at this lot size. */
  get sizeDecimals(): number {
    return this.size.decimals;
  }

  /** Exact tick count for a price, or NaN when the price is not a multiple of the tick size. */
  priceToTicks(price: DecimalInput): number {
    return toUnits(toBig(price, 'price'), this.tick);
  }

  /** Exact lot count for a size, or NaN when the size is not a multiple of the lot size. */
  sizeToLots(size: DecimalInput): number {
    return toUnits(toBig(size, 'size'), this.lot);
  }

  /** Nearest tick (half up), for agents that compute prices in floating point. */
  roundPriceToTicks(price: number): number {
    return Math.round((price * this.price.scale) / this.price.mantissa);
  }

  /** Nearest lot (half up), for agents that compute sizes in floating point. */
  roundSizeToLots(size: number): number {
    return Math.round((size * this.size.scale) / this.size.mantissa);
  }

  /** Exact decimal string, e.g. 5000050 ticks → "50000.50". */
  ticksToPrice(ticks: number): string {
    return this.tick.times(ticks).toFixed(this.price.decimals);
  }

  /** Exact decimal string, e.g. 15000 lots → "1.5000". */
  lotsToSize(lots: number): string {
    return this.lot.times(lots).toFixed(this.size.decimals);
  }

  /** The JSON number for a price: 5000050 ticks → 50000.5. */
  ticksToNumber(ticks: number): number {
    return (ticks * this.price.mantissa) / this.price.scale;
  }

  /** The JSON number for a size: 15000 lots → 1.5. */
  lotsToNumber(lots: number): number {
    return (lots * this.size.mantissa) / this.size.scale;
  }
}

function toUnits(value: Big, increment: Big): number {
  const units = value.div(increment);
  if (!units.eq(units.round(0, Big.roundDown))) return Number.NaN;
  const result = units.toNumber();
  return Math.abs(result) <= MAX_UNITS ? result : Number.NaN;
}
