/** The debrief charts' own constants; the shared colours are in charts.constants.ts. */

/** Futures level with the class on the standing chart: between the class's ink and the fan's blue. */
export const STANDING_LEVEL = '#9ca3af';

/** The class's talks line: alive (1) or not (0), drawn as steps in the class's ink. */
export const CLASS_STEP_WIDTH = 3;
