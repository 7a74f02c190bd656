// Public API of @marksim/agents. Everything not listed here is private.
export type { AgentsErrorCode } from './errors.js';

export { BaseAgent } from './agents/base-agent.js';
export type { BaseAgentOptions } from './agents/base-agent.js';
export { MarketMakerAgent, DEFAULT_MARKET_MAKER_OPTIONS } from './agents/market-maker-agent.js';
export type { MarketMakerOptions } from './agents/market-maker-agent.js';
export { NoiseTraderAgent, DEFAULT_NOISE_TRADER_OPTIONS } from './agents/noise-trader-agent.js';
export type { NoiseTraderOptions } from './agents/noise-trader-agent.js';
export { InformedTraderAgent, DEFAULT_INFORMED_TRADER_OPTIONS } from './agents/informed-trader-agent.js';
export type { InformedTraderOptions } from './agents/informed-trader-agent.js';
export { MomentumTraderAgent, DEFAULT_MOMENTUM_TRADER_OPTIONS } from './agents/momentum-trader-agent.js';
export type { MomentumTraderOptions } from './agents/momentum-trader-agent.js';
export { FundamentalValue, DEFAULT_FUNDAMENTAL_VALUE_OPTIONS } from './fundamental/fundamental-value.js';
export type { FundamentalRun, FundamentalValueOptions } from './fundamental/fundamental-value.js';

export {
  absolute,
  aggregateReturns,
  autocorrelation,
  autocorrelationBand,
  excessKurtosis,
  logReturns,
  mean,
  quantile,
  robustAutocorrelationStandardError,
  variance,
} from './report/return-stats.js';

export { createDefaultMarket, defaultWakeups, DEFAULT_MARKET_LATENCY } from './market/default-market.js';
export type { DefaultMarketOptions } from './market/default-market.js';
export { AGENT_KINDS, DEFAULT_AGENT_COUNTS, createAgents, parseAgentCounts, scaledAgentCounts } from './market/agent-mix.js';
export type { AgentCounts, AgentKindOptions } from './market/agent-mix.js';
export { ACF_BAND_STANDARD_ERRORS, formatRealismTable, realismChecks, realismFigures, spreadFigures, REPORT_LAGS } from './report/realism-report.js';
export type { RealismCheck, RealismFigures, SpreadFigures } from './report/realism-report.js';
export { runCli, MARKSIM_HELP } from './cli/run-cli.js';
export type { CliIo } from './cli/cli-io.js';
export { RunRecorder, RUN_FILES } from './run/run-recorder.js';

// Market configuration as `--agents` takes it (counts or a JSON file), shared with the server.
export { loadAgentsFlag, parseMarketConfig } from './cli/market-config.js';
export type { MarketConfig } from './cli/market-config.js';
