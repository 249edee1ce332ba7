import { HEADLINE_OUTCOMES } from '../charts/forecast-series';
import type { ForecastSummary, OutcomeRow } from '../engine/summary';
import { grouped } from '../scenario/numbers';

const pct1 = (p: number) => `${(p * 100).toFixed(1)}%`;

function value(row: OutcomeRow): string {
  return row.kind === 'share' ? pct1(row.value) : row.value.toFixed(2);
}

/** The forecast's outcomes: headline rows first, every other row behind a disclosure. */
export function OutcomesTable({ summary }: { summary: ForecastSummary }) {
  const headline = HEADLINE_OUTCOMES.map((id) => summary.outcomes.find((o) => o.id === id)).filter((o): o is OutcomeRow => o !== undefined);
  const rest = summary.outcomes.filter((o) => !headline.includes(o));
  const model = summary.sets > 0;
  const rows = (list: readonly OutcomeRow[]) =>
    list.map((o) => (
      <tr key={o.id}>
        <th scope="row">{o.label}</th>
        <td>{value(o)}</td>
        <td>{o.lo !== null && o.hi !== null ? `${pct1(o.lo)} – ${pct1(o.hi)}` : '—'}</td>
        {model && <td>{o.modelLo != null && o.modelHi != null ? `${pct1(o.modelLo)} – ${pct1(o.modelHi)}` : '—'}</td>}
      </tr>
    ));
  return (
    <div className="outcomes">
      <table className="outcomes-table">
        <caption>Outcomes over {grouped(summary.runs)} futures</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Value</th>
            <th scope="col">{model ? 'Chance (95%)' : '95% interval'}</th>
            {model && (
              <th scope="col" title={`Where 90% of the ${summary.sets} calibrated parameter sets put it`}>
                Model range (90%)
              </th>
            )}
          </tr>
        </thead>
        <tbody>{rows(headline)}</tbody>
      </table>
      <details>
        <summary>All outcomes ({rest.length} more)</summary>
        <table className="outcomes-table">
          <tbody>{rows(rest)}</tbody>
        </table>
      </details>
    </div>
  );
}
