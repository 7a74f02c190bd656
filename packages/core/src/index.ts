// Public API of @marksim/core. Everything not listed here is private.
export { MarksimError } from './errors/marksim-error.js';
export type { CoreErrorCode } from './errors/marksim-error.js';

export { BTC_USD } from './domain/instrument.js';
export type { Instrument } from './domain/instrument.js';
export type {
  Side,
  OrderType,
  TimeInForce,
  SelfTradePrevention,
  NewOrderCommand,
  CancelCommand,
  ModifyCommand,
  OrderCommand,
} from './domain/order.js';
export { orderIdOf } from './domain/order-id.js';
export { internedString } from './domain/interned-string.js';
export type {
  RejectCode,
  CancelReason,
  AcceptedEvent,
  RejectedEvent,
  TradeEvent,
  CancelledEvent,
  ModifiedEvent,
  DoneEvent,
  LevelEvent,
  BookEvent,
  BookEventType,
} from './domain/events.js';
export type { Ticker, BookLevel, RestingOrderView } from './domain/market-data.js';

export { DecimalUnits } from './units/decimal-units.js';
export type { DecimalInput } from './units/decimal-units.js';

// Book and matching engine (issue 3).
export { MatchingEngine } from './matching/matching-engine.js';
export type { MatchingEngineOptions } from './matching/matching-engine.js';
export type { BookEventSink } from './matching/book-event-sink.js';
export { DEFAULT_DECIMAL_ORDER } from './matching/decimal-order.js';
export type { DecimalOrder } from './matching/decimal-order.js';
export type { BookSnapshot, BookSnapshotJson } from './book/book-snapshot.js';
export type { BookDepth, BookLevelsView, BookView } from './book/book-view.js';

// Agents: the contract, accounts, limits, wake-ups and the pool (issue 4).
export type {
  Agent,
  AgentContext,
  AgentDecision,
  AgentEvent,
  AgentRejectedEvent,
  CancelIntent,
  Fill,
  MarketData,
  ModifyIntent,
  NewOrderIntent,
  OrderIntent,
} from './agent/agent.js';
export { AgentAccount } from './agent/agent-account.js';
export type { AgentAccountView, OpenOrderView } from './agent/agent-account.js';
export type { OpenOrdersView } from './agent/open-order-list.js';
export { DEFAULT_AGENT_LIMITS, resolveAgentLimits } from './agent/agent-limits.js';
export type { AgentLimits } from './agent/agent-limits.js';
export { checkIntent, checkModifyOnArrival } from './agent/intent-check.js';
export type { IntentRefusal } from './agent/intent-check.js';
export { DEFAULT_LATENCY, WakeupSchedule, sampleLatencyUs, validateLatencyModel, validateWakeupModel } from './agent/arrival-models.js';
export type { LatencyModel, WakeupModel } from './agent/arrival-models.js';
export { AgentPool } from './agent/agent-pool.js';
export type { AgentIssue, AgentPoolOptions, PoolMember } from './agent/agent-pool.js';

// Time engine and seeded randomness (issue 3).
export { TimeEngine } from './time/time-engine.js';
export { DEFAULT_TIME_ENGINE_OPTIONS } from './time/time-engine-options.js';
export type { TimeEngineOptions, EveryOptions } from './time/time-engine-options.js';
export type {
  TimeEngineEvent,
  TimeEngineEventType,
  TimeEngineMode,
  TimeEngineState,
  TimeEngineStats,
} from './time/time-engine-events.js';
export type { TimeHandler, TimerHandle } from './time/scheduled-timer.js';
export { EventHub } from './time/event-hub.js';
export type { EventListener } from './time/event-hub.js';
export type { WallClock, WallTimer } from './time/wall-clock.js';
export { systemClock, createSystemClock } from './time/system-clock.js';
export { ManualClock } from './time/manual-clock.js';
export { SeededRandom } from './random/seeded-random.js';
export type { RandomState } from './random/seeded-random.js';
export type { RandomSource } from './random/random-source.js';
export type { SeedInput } from './random/seed-hash.js';

// MarketSimulation: the orchestrator of agents, book and clock (issue 4).
export { MarketSimulation } from './simulation/market-simulation.js';
export type { DepthView } from './simulation/market-simulation.js';
export { DEFAULT_SIMULATION_OPTIONS, resolveSimulationOptions } from './simulation/simulation-options.js';
export type { MarketSimulationOptions, ResolvedSimulationOptions } from './simulation/simulation-options.js';
export type {
  AgentAccountSummary,
  MarketEvent,
  SimulationControlEvent,
  SimulationState,
  SimulationStats,
  SimulationStatus,
  TickerEvent,
} from './simulation/simulation-events.js';
