/** React bindings for the analysis store, which the analysis view creates for itself. */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { AnalysisStore } from '../../store/analysis';

export const AnalysisContext = createContext<StoreApi<AnalysisStore> | null>(null);

export function useAnalysisApi(): StoreApi<AnalysisStore> {
  const api = useContext(AnalysisContext);
  if (!api) throw new Error('useAnalysis needs an <AnalysisContext.Provider>');
  return api;
}

export function useAnalysis<T>(selector: (s: AnalysisStore) => T): T {
  return useStore(useAnalysisApi(), selector);
}
