import { useState } from 'react';

export interface Runs {
  readonly text: string;
  readonly value: number;
  readonly ok: boolean;
  set(text: string): void;
}

/** A number of futures typed by the user, checked: a whole number from 100 to 200,000. */
export function useRuns(initial: number): Runs {
  const [text, set] = useState(String(initial));
  const value = Number(text);
  return { text, value, ok: Number.isInteger(value) && value >= 100 && value <= 200_000, set };
}

export function RunsField({ runs, label }: { runs: Runs; label: string }) {
  return (
    <label>
      {label}{' '}
      <input type="number" min={100} max={200000} step={100} value={runs.text} onChange={(e) => runs.set(e.target.value)} aria-invalid={!runs.ok} />
      {!runs.ok && <span className="field-error"> a whole number from 100 to 200,000</span>}
    </label>
  );
}
