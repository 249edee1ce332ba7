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
 * The label column of a chart of named bars (tornado, Morris): its width, and each row's height.
 * On a phone the column is narrower, so the bars keep half the width, and the names wrap onto more
 * lines, each row given the height for them.
 */
export function useLabelColumn(rowHeight: number): { readonly width: number; readonly rowHeight: number } {
  return useNarrowScreen() ? { width: 140, rowHeight: WHY_BAR_HEIGHT * 2.2 } : { width: 300, rowHeight };
}
