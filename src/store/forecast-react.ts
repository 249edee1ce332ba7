/** React bindings for the forecast store. */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ForecastStore } from './forecast';

export const ForecastContext = createContext<StoreApi<ForecastStore> | null>(null);

export function useForecastApi(): StoreApi<ForecastStore> {
  const api = useContext(ForecastContext);
  if (!api) throw new Error('useForecast needs a <ForecastContext.Provider>');
  return api;
}

export function useForecast<T>(selector: (s: ForecastStore) => T): T {
  return useStore(useForecastApi(), selector);
}
