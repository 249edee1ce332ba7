import { strategiesFor, type Scenario, type StrategyId } from '../scenario/schema';
import { CONTROLLER_LABELS } from './ui.constants';

export type Strategies = Readonly<Record<string, StrategyId>>;

export function defaultStrategies(scenario: Scenario): Record<string, StrategyId> {
  return Object.fromEntries(scenario.actors.map((a) => [a.id, a.defaultStrategy]));
}

/** One strategy select per actor; `only` limits it to some actors. */
export function StrategyPicker({ scenario, value, onChange, label, only }: {
  scenario: Scenario;
  value: Strategies;
  onChange: (next: Strategies) => void;
  label: string;
  only?: readonly string[];
}) {
  return (
    <div className="forecast-strategies">
      {scenario.actors
        .filter((a) => !only || only.includes(a.id))
        .map((a) => (
          <label key={a.id}>
            {a.short}{' '}
            <select aria-label={`${label}: ${a.name}`} value={value[a.id]} onChange={(e) => onChange({ ...value, [a.id]: e.target.value as StrategyId })}>
              {strategiesFor(scenario).map((s) => (
                <option key={s} value={s}>
                  {CONTROLLER_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        ))}
    </div>
  );
}
