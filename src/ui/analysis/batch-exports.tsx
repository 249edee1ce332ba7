import type { BatchResult } from '../../store/analysis';
import { batchJson, batchOutcomesTable, batchTable, csvText, labelledSummaries, type LabelledSummary } from '../../analysis/exports';
import { differencesFromFirst } from '../../analysis/paired';
import { downloadText } from '../exports';

/** A finished batch as export rows: each set-up's full configuration, and its paired differences from the first where it has them. */
export function exportItems(results: readonly BatchResult[]): LabelledSummary[] {
  const differences = differencesFromFirst(results.map((r) => r.batches));
  const setUps = results.map((r, i) => {
    const d = differences[i];
    return { label: r.item.label, scenario: r.item.scenario, key: r.item.key, parameters: r.item.parameters ?? {}, summary: r.summary, ...(d ? { differences: d } : {}) };
  });
  return labelledSummaries(setUps, { from: null, generated: new Date().toISOString() });
}

/** CSV (the weeks, and the outcomes) and JSON exports of a finished batch, with provenance on every row. */
export function BatchExports({ name, results }: { name: string; results: readonly BatchResult[] }) {
  if (results.length === 0) return null;
  return (
    <div className="forecast-exports">
      <button type="button" onClick={() => downloadText(`${name}.csv`, csvText(batchTable(results[0]!.item.scenario, exportItems(results))), 'text/csv')}>
        Export CSV
      </button>
      <button type="button" onClick={() => downloadText(`${name}-outcomes.csv`, csvText(batchOutcomesTable(exportItems(results))), 'text/csv')}>
        Export outcomes CSV
      </button>
      <button type="button" onClick={() => downloadText(`${name}.json`, batchJson(exportItems(results)), 'application/json')}>
        Export JSON
      </button>
    </div>
  );
}
