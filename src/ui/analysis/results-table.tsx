import type { ForecastSummary } from '../../engine/summary';

const pct1 = (p: number) => `${(p * 100).toFixed(1)}%`;

function outcome(summary: ForecastSummary, id: string) {
  return summary.outcomes.find((o) => o.id === id);
}

function shareCell(summary: ForecastSummary, id: string) {
  const o = outcome(summary, id);
  if (!o) return <td>—</td>;
  return (
    <td>
      {pct1(o.value)} <span className="muted">({o.lo !== null ? pct1(o.lo) : '?'}–{o.hi !== null ? pct1(o.hi) : '?'})</span>
    </td>
  );
}

/** One row per set-up: the headline outcomes at the last week, each share with its 95% interval. */
export function ResultsTable({ caption, rows }: { caption: string; rows: readonly { label: string; summary: ForecastSummary }[] }) {
  return (
    <table className="outcomes-table results-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Set-up</th>
          <th scope="col">Talks alive at the end (95% interval)</th>
          <th scope="col">Open war</th>
          <th scope="col">Deal restored</th>
          <th scope="col">Mean final escalation</th>
          <th scope="col">US killed per future</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const last = r.summary.weeks[r.summary.weeks.length - 1]!;
          return (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {shareCell(r.summary, 'talks-alive')}
              {shareCell(r.summary, 'open-war')}
              {shareCell(r.summary, 'talks-deal')}
              <td>{last.escalationMean.toFixed(2)}</td>
              <td>{outcome(r.summary, 'us.killed.mean')?.value.toFixed(2) ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
