/** Chart constants: sizes and colours shared by the charts (Okabe–Ito, readable for colour-blind viewers). */

/** Branch line colours, in order of creation; the main line is first. */
export const BRANCH_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

export const CHART_HEIGHT = 260;
export const WHY_BAR_HEIGHT = 28;

/** Rung bands alternate between these two greys so adjacent rungs are told apart. */
export const BAND_FILLS = ['#f3f4f6', '#e5e7eb'] as const;

/** Fills for the talks phases on the survival chart's band strip. */
export const PHASE_COLOURS: Readonly<Record<string, string>> = {
  offered: '#56B4E9',
  rejected: '#E69F00',
  underway: '#009E73',
  paused: '#F0E442',
  collapsed: '#D55E00',
  deal: '#0072B2',
};
export const PHASE_FALLBACK = '#999999';

export const POSITIVE = '#D55E00';
export const NEGATIVE = '#0072B2';

/** Forecast fan and bars. */
export const FAN_COLOUR = '#0072B2';
/** Fill opacities of the fan's bands: 90% of futures (light) and 50% (darker). */
export const BAND90_OPACITY = 0.18;
export const BAND50_OPACITY = 0.35;
/** The game's own line drawn over the fan. */
export const GAME_COLOUR = '#111827';
export const SURVIVAL_COLOUR = '#009E73';

/** Real events before the start (the history overlay). */
export const HISTORY_COLOUR = '#6b7280';

/** The talks outlook's curve ahead of the week in view (dashed). */
export const AHEAD_COLOUR = '#374151';

/** Type and sizes of the play view's charts: on a screen, and on a projector read from the back of a room (at least 18 px). */
export interface ChartText {
  /** Axis tick labels, px. */
  readonly tick: number;
  /** Axis titles and reference labels, px. */
  readonly label: number;
  /** The rung names inside the escalation chart's bands, px. */
  readonly band: number;
  /** At most this many week ticks on an x-axis. */
  readonly maxWeekTicks: number;
  /** Chart heights are multiplied by this. */
  readonly heightScale: number;
  /** Width of the "why" chart's cause labels, px. */
  readonly causeWidth: number;
}

export const SCREEN_TEXT: ChartText = { tick: 12, label: 12, band: 11, maxWeekTicks: 14, heightScale: 1, causeWidth: 230 };
export const PROJECTOR_TEXT: ChartText = { tick: 18, label: 18, band: 18, maxWeekTicks: 8, heightScale: 1.4, causeWidth: 340 };


/** The plain-SVG charts' axes, grid and hover marks, in recharts' default look (so they sit beside recharts charts unnoticed). */
export const AXIS_COLOUR = '#666';
export const GRID_COLOUR = '#d1d5db';
export const GRID_DASH = '2 4';
/** The hover cursor: a line across a week, or a block behind a bar. */
export const CURSOR_COLOUR = '#ccc';
/** Px: an x-axis' height under the plot, and the length of a tick mark. */
export const X_AXIS_HEIGHT = 30;
export const TICK_LENGTH = 6;
/** Px: a hover dot's radius, and how far the hover box sits from the cursor. */
export const ACTIVE_DOT_RADIUS = 4;
export const TOOLTIP_OFFSET = 10;
