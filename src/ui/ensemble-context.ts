import { createContext } from 'react';
import type { ForecastEnsemble } from '../engine/forecast';
import type { Scenario } from '../scenario/schema';

/** Loads a scenario's calibrated ensemble (null when it has none); the app provides it, tests may not. */
export const EnsembleContext = createContext<(scenario: Scenario) => Promise<ForecastEnsemble | null>>(() => Promise.resolve(null));
