import { Fragment } from 'react';
import type { BranchComparison } from '../charts/branch-compare';
import type { BranchLine } from '../charts/series';
import { percent } from './ui.constants';

export interface BranchTableProps {
  readonly comparison: BranchComparison;
  readonly lines: readonly BranchLine[];
}

/** The branches side by side, beside their overlaid lines: escalation and talks per week, and the moves that differ. */
export function BranchTable({ comparison, lines }: BranchTableProps) {
  const { from, weeks } = comparison;
  return (
    <section className="branch-compare" aria-labelledby="branch-compare-title">
      <h3 id="branch-compare-title">Branches side by side</h3>
      {from === null ? (
        <p className="chart-summary">The branches have not parted yet: every week so far is the same in each.</p>
      ) : (
        <>
          <p className="chart-summary">
            {from > 1 ? `Weeks 1–${from - 1} are the same in every branch. ` : ''}From week {from}: each branch’s escalation and talks, and the moves in which they differ.
          </p>
          <div className="table-scroll" role="region" aria-labelledby="branch-compare-title" tabIndex={0}>
            <table className="branch-table">
              <caption className="visually-hidden">Branches side by side, week by week, from week {from}</caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    Week
                  </th>
                  {lines.map((l) => (
                    <th key={l.id} scope="colgroup" colSpan={2}>
                      <span className="swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.name}
                    </th>
                  ))}
                  <th scope="col" rowSpan={2}>
                    Moves that differ
                  </th>
                </tr>
                <tr>
                  {lines.map((l) => (
                    <Fragment key={l.id}>
                      <th scope="col">Escalation</th>
                      <th scope="col">Talks</th>
                    </Fragment>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.turn}>
                    <th scope="row">{w.turn}</th>
                    {w.cells.map((c, i) =>
                      c === null ? (
                        <Fragment key={lines[i]!.id}>
                          <td className="none">—</td>
                          <td className="none">—</td>
                        </Fragment>
                      ) : (
                        <Fragment key={lines[i]!.id}>
                          <td className="number">{c.escalation.toFixed(2)}</td>
                          <td>
                            {c.talks}
                            {c.alive !== undefined && <span className="muted"> · {percent(c.alive)} alive</span>}
                          </td>
                        </Fragment>
                      ),
                    )}
                    <td>
                      {w.cells.filter((c) => c !== null).length < 2 ? (
                        <span className="muted">only one branch has played this week</span>
                      ) : w.differences.length === 0 ? (
                        <span className="muted">the same moves</span>
                      ) : (
                        <ul className="move-differences">
                          {w.differences.map((d) => (
                            <li key={d.actor}>
                              <strong>{d.actor}</strong>: {d.moves.map((m) => `${m.branch} — ${m.move}`).join('; ')}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
