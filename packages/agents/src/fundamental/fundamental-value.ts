import { SeededRandom } from '@marksim/core';
import type { RandomState, SeedInput } from '@marksim/core';
import { numberOption } from '../agents/option-checks.js';
import { agentsError } from '../errors.js';

const US_PER_HOUR = 3_600_000_000;

/** Parameters of the fundamental-value process; rates per hour of simulated time. All optional. */
export interface FundamentalValueOptions {
  /** Half-life of a deviation from the mean, µs. Default 12 h. */
  readonly meanReversionHalfLifeUs?: number;
  /** Typical diffusion volatility of log value per √hour. Default 0.006 (0.6 %, about 0.08 % a minute). */
  readonly volatilityPerSqrtHour?: number;
  /** Stationary standard deviation of log volatility: how much calm and busy spells differ. Default 0.7. */
  readonly volatilityOfVolatility?: number;
  /** Half-life of a volatility spell, µs. Default 15 min. */
  readonly volatilityHalfLifeUs?: number;
  /** Expected news jumps per hour. Default 3. */
  readonly jumpsPerHour?: number;
  /** Standard deviation of a jump in log value. Default 0.0025 (0.25 %). */
  readonly jumpStd?: number;
  /** Step of the simulated path, µs. Default 1 s. */
  readonly stepUs?: number;
}

/** Defaults of FundamentalValueOptions. */
export const DEFAULT_FUNDAMENTAL_VALUE_OPTIONS = Object.freeze({
  meanReversionHalfLifeUs: 12 * US_PER_HOUR,
  volatilityPerSqrtHour: 0.006,
  volatilityOfVolatility: 0.7,
  volatilityHalfLifeUs: 15 * 60_000_000,
  jumpsPerHour: 3,
  jumpStd: 0.0025,
  stepUs: 1_000_000,
});

/** What pins a path down: the run's seed, its start and the starting value (the long-run mean). */
export interface FundamentalRun {
  readonly seed: SeedInput;
  readonly startTimeUs: number;
  readonly initialValueTicks: number;
}

/**
 * The value informed traders observe (the ABIDES "oracle" idea): log value mean-reverts to the
 * initial value (Ornstein–Uhlenbeck), diffuses with a stochastic volatility (log-volatility is
 * itself mean-reverting, so busy and calm spells alternate: news arrives in clusters) and
 * jumps now and then (compound Poisson). The path lives on a fixed grid drawn from its own
 * stream (seed, 'fundamental'), so it depends only on the run, never on who asks or when;
 * asking for an earlier time than before replays the path from the start.
 *
 * Agents that observe it call `begin` from their onStart with their run's seed and start, so a
 * simulation reset (new seed, new start) gives a new path.
 */
export class FundamentalValue {
  readonly options: Readonly<Required<FundamentalValueOptions>>;
  private readonly reversionPerStep: number;
  private readonly volatilityPerStep: number;
  private readonly logVolDecay: number;
  private readonly logVolShockStd: number;
  private readonly jumpProbabilityPerStep: number;
  private run: FundamentalRun | null = null;
  private random: SeededRandom | null = null;
  private initialState: RandomState | null = null;
  private meanLog = 0;
  private stepTimeUs = 0;
  private logValue = 0;
  private logVol = 0;

  constructor(options: FundamentalValueOptions = {}) {
    const d = DEFAULT_FUNDAMENTAL_VALUE_OPTIONS;
    const positive = { min: 0, max: Infinity, minExclusive: true };
    this.options = {
      meanReversionHalfLifeUs: numberOption(options.meanReversionHalfLifeUs, d.meanReversionHalfLifeUs, 'FundamentalValue.meanReversionHalfLifeUs', positive),
      volatilityPerSqrtHour: numberOption(options.volatilityPerSqrtHour, d.volatilityPerSqrtHour, 'FundamentalValue.volatilityPerSqrtHour', { min: 0, max: 1 }),
      volatilityOfVolatility: numberOption(options.volatilityOfVolatility, d.volatilityOfVolatility, 'FundamentalValue.volatilityOfVolatility', { min: 0, max: 3 }),
      volatilityHalfLifeUs: numberOption(options.volatilityHalfLifeUs, d.volatilityHalfLifeUs, 'FundamentalValue.volatilityHalfLifeUs', positive),
      jumpsPerHour: numberOption(options.jumpsPerHour, d.jumpsPerHour, 'FundamentalValue.jumpsPerHour', { min: 0, max: 3600 }),
      jumpStd: numberOption(options.jumpStd, d.jumpStd, 'FundamentalValue.jumpStd', { min: 0, max: 1 }),
      stepUs: numberOption(options.stepUs, d.stepUs, 'FundamentalValue.stepUs', { min: 1, max: US_PER_HOUR }),
    };
    const o = this.options;
    if (!Number.isSafeInteger(o.stepUs)) throw agentsError('INVALID_CONFIG', `FundamentalValue.stepUs must be an integer (got ${o.stepUs})`);
    const stepHours = o.stepUs / US_PER_HOUR;
    this.reversionPerStep = 1 - Math.pow(0.5, o.stepUs / o.meanReversionHalfLifeUs);
    // Normalise so the average variance per step stays volatilityPerSqrtHour² × step: E[e^{2h}] = e^{2η²}.
    this.volatilityPerStep = o.volatilityPerSqrtHour * Math.sqrt(stepHours) * Math.exp(-(o.volatilityOfVolatility ** 2));
    this.logVolDecay = Math.pow(0.5, o.stepUs / o.volatilityHalfLifeUs);
    this.logVolShockStd = o.volatilityOfVolatility * Math.sqrt(1 - this.logVolDecay * this.logVolDecay);
    this.jumpProbabilityPerStep = Math.min(1, o.jumpsPerHour * stepHours);
  }

  /** Pins the path to a run; calling it again with the same run changes nothing. */
  begin(run: FundamentalRun): void {
    const current = this.run;
    if (current !== null && current.seed === run.seed && current.startTimeUs === run.startTimeUs && current.initialValueTicks === run.initialValueTicks) {
      return;
    }
    if (!Number.isSafeInteger(run.startTimeUs) || run.startTimeUs < 0 || !(run.initialValueTicks > 0)) {
      throw agentsError(
        'INVALID_CONFIG',
        `FundamentalValue.begin needs startTimeUs >= 0 and initialValueTicks > 0 (got ${run.startTimeUs}, ${run.initialValueTicks})`,
      );
    }
    this.run = { seed: run.seed, startTimeUs: run.startTimeUs, initialValueTicks: run.initialValueTicks };
    this.random = new SeededRandom(run.seed, 'fundamental');
    this.initialState = this.random.getState();
    this.meanLog = Math.log(run.initialValueTicks);
    this.restart();
  }

  /** The value at `timeUs` (ticks, not rounded): the path's last grid point at or before it. */
  valueAt(timeUs: number): number {
    if (this.run === null) throw agentsError('INVALID_CONFIG', 'FundamentalValue.valueAt before begin(): start it from an agent onStart');
    if (timeUs < this.stepTimeUs) this.restart();
    const stepUs = this.options.stepUs;
    while (this.stepTimeUs + stepUs <= timeUs) this.advance();
    return Math.exp(this.logValue);
  }

  private restart(): void {
    this.random!.setState(this.initialState!);
    this.stepTimeUs = this.run!.startTimeUs;
    this.logValue = this.meanLog;
    this.logVol = 0;
  }

  private advance(): void {
    const random = this.random!;
    this.logVol = this.logVolDecay * this.logVol + this.logVolShockStd * random.normal();
    let change = this.reversionPerStep * (this.meanLog - this.logValue);
    change += this.volatilityPerStep * Math.exp(this.logVol) * random.normal();
    if (random.next() < this.jumpProbabilityPerStep) change += this.options.jumpStd * random.normal();
    this.logValue += change;
    this.stepTimeUs += this.options.stepUs;
  }
}
