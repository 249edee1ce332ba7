import type { BatchResult } from '../../store/analysis';
import { batchJson, batchTable, csvText, summaryProvenance, type LabelledSummary } from '../../analysis/exports';
import { downloadText } from '../exports';

/** CSV and JSON exports of a finished batch, with provenance on every row. */
export function BatchExports({ name, results, parametersOf }: {
  name: string;
  results: readonly BatchResult[];
  parametersOf?: (r: BatchResult) => Record<string, number>;
}) {
  const items = (): LabelledSummary[] => {
    const date = new Date().toISOString();
    return results.map((r) => ({
      label: r.item.label,
      key: r.item.key,
      summary: r.summary,
      provenance: summaryProvenance(r.item.scenario, r.summary, { parameters: parametersOf?.(r) ?? {}, from: null, generated: date }),
    }));
  };
  if (results.length === 0) return null;
  return (
    <div className="forecast-exports">
      <button type="button" onClick={() => downloadText(`${name}.csv`, csvText(batchTable(results[0]!.item.scenario, items())), 'text/csv')}>
        Export CSV
      </button>
      <button type="button" onClick={() => downloadText(`${name}.json`, batchJson(items()), 'application/json')}>
        Export JSON
      </button>
    </div>
  );
}
