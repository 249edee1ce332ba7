import type { PairedDifference } from '../../analysis/paired';
import type { ForecastSummary } from '../../engine/summary';

const pct1 = (p: number) => `${(p * 100).toFixed(1)}%`;
const pp = (d: number) => `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d * 100).toFixed(1)} pp`;

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

function differenceCell(d: PairedDifference | undefined, first: boolean) {
  if (first) return <td className="muted">reference</td>;
  if (!d) return <td>—</td>;
  return (
    <td>
      {pp(d.estimate)} {d.lo !== null && d.hi !== null && <span className="muted">({pp(d.lo)} to {pp(d.hi)})</span>}
    </td>
  );
}

export interface ResultRow {
  readonly label: string;
  readonly summary: ForecastSummary;
  /** Paired differences from the first row by measure id (`talks-alive`, `open-war`). */
  readonly differences?: Readonly<Record<string, PairedDifference>>;
}

/**
 * One row per set-up: the headline outcomes at the last week, each share with its 95% interval;
 * with `paired`, each difference from the first set-up with its paired 95% interval, and `note`
 * (how they were computed) under the table.
 */
export function ResultsTable({ caption, rows, paired, note }: { caption: string; rows: readonly ResultRow[]; paired?: boolean; note?: string }) {
  const reference = rows[0]?.label ?? '';
  return (
    <div className="results">
      <table className="outcomes-table results-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Set-up</th>
            <th scope="col">Talks alive at the end (95% interval)</th>
            {paired && <th scope="col">Talks alive: difference from {reference} (paired 95%)</th>}
            <th scope="col">Open war</th>
            {paired && <th scope="col">Open war: difference from {reference} (paired 95%)</th>}
            <th scope="col">Deal restored</th>
            <th scope="col">Mean final escalation</th>
            <th scope="col">US killed per future</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const last = r.summary.weeks[r.summary.weeks.length - 1]!;
            return (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {shareCell(r.summary, 'talks-alive')}
                {paired && differenceCell(r.differences?.['talks-alive'], i === 0)}
                {shareCell(r.summary, 'open-war')}
                {paired && differenceCell(r.differences?.['open-war'], i === 0)}
                {shareCell(r.summary, 'talks-deal')}
                <td>{last.escalationMean.toFixed(2)}</td>
                <td>{outcome(r.summary, 'us.killed.mean')?.value.toFixed(2) ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {note && <p className="hint table-note">{note}</p>}
    </div>
  );
}
