/** The engine's public surface: pure functions over scenarios, states and logs. */
export { dateOfTurn, turnOfDate } from './compile';
export { forecast, forecastChunk, forecastTurns, mergeTallies, ESCALATION_BIN, type ForecastOptions, type ForecastTally } from './forecast';
export { applyEntry, chooseMoves, isOver, legalMoveIds, queueInject, replay, resolveTurn, riskOf, type GameLog, type TurnError, type TurnMoves, type TurnResult } from './game';
export type { BeliefNote, Contribution, ContributionKind, MoveReport, TurnReport } from './report';
export { beliefSentence } from './explain';
export { outlookFromTally, outlookOptions, outlookSeed, talksOutlook, OUTLOOK_RUNS, type TalksOutlook } from './outlook';
export { initialState, type BeliefState, type GameState } from './state';
export { summarize, PERCENTILES, type ForecastSummary, type OutcomeRow, type WeekSummary } from './summary';
export { wilson, type Interval } from './stats';
export { rungOf } from './ladder';
