/** Which type sizes the charts draw with: the screen's by default, the projector's inside a projector layout. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { SCREEN_TEXT, WHY_BAR_HEIGHT, type ChartText } from './charts.constants';

export const ChartTextContext = createContext<ChartText>(SCREEN_TEXT);

export function useChartText(): ChartText {
  return useContext(ChartTextContext);
}

const NARROW = '(max-width: 600px)';

/** Whether the screen is phone-narrow (re-rendering when that changes), for charts that must give their plot more room there. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}

/**
 * The layout of a chart of named bars (tornado, Morris): the label column's width, each row's
 * height and how many ticks its value axis takes. On a phone the column is narrower, so the bars
 * keep half the width, the names wrap onto more lines, each row given the height for them, and the
 * axis has fewer ticks.
 */
export function useNamedBars(rowHeight: number): { readonly width: number; readonly rowHeight: number; readonly ticks: number } {
  return useNarrowScreen() ? { width: 140, rowHeight: WHY_BAR_HEIGHT * 2.2, ticks: 4 } : { width: 300, rowHeight, ticks: 5 };
}
