import { agentsError } from '../errors.js';

/** Returns `value ?? fallback` after checking it lies in [min, max] (or (min, max] when `minExclusive`). */
export function numberOption(
  value: number | undefined,
  fallback: number,
  field: string,
  range: { readonly min: number; readonly max: number; readonly minExclusive?: boolean },
): number {
  const resolved = value ?? fallback;
  const aboveMin = range.minExclusive === true ? resolved > range.min : resolved >= range.min;
  if (typeof resolved !== 'number' || Number.isNaN(resolved) || !aboveMin || resolved > range.max) {
    const low = range.minExclusive === true ? `> ${range.min}` : `>= ${range.min}`;
    throw agentsError('INVALID_CONFIG', `${field} must be ${low} and <= ${range.max} (got ${String(resolved)})`);
  }
  return resolved;
}
