import type { Debrief } from '../../analysis/debrief';
import { turnOfDate } from '../../engine/compile';
import type { Scenario } from '../../scenario/schema';
import { longDate } from '../../analysis/week-story';

/** What really happened in the weeks the class played, for scenarios that carry the record of their own period. */
function SameWeeks({ scenario, weeks }: { scenario: Scenario; weeks: number }) {
  const entries = scenario.history.map((h) => ({ ...h, week: turnOfDate(scenario, h.date) + 1 })).filter((h) => h.week >= 1 && h.week <= weeks);
  if (entries.length === 0) return null;
  const label = (id: string) => scenario.moves.find((m) => m.id === id)?.label ?? id;
  return (
    <>
      <h3>What happened in the same weeks</h3>
      <table className="debrief-table">
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Date</th>
            <th scope="col">Actor</th>
            <th scope="col">What was done</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((h, i) => (
            <tr key={i}>
              <th scope="row">{h.week}</th>
              <td>{longDate(h.date)}</td>
              <td>{scenario.actors.find((a) => a.id === h.actor)?.short ?? h.actor}</td>
              <td>
                {label(h.move)}
                {h.note && <span className="muted"> — {h.note}</span>}
              </td>
              <td className="muted">{h.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The scenario's record before the start (its context events, also on the escalation chart) beside the class's path. */
export function RecordSection({ scenario, debrief: d }: { scenario: Scenario; debrief: Debrief }) {
  const context = scenario.context;
  const hasSameWeeks = scenario.history.some((h) => {
    const week = turnOfDate(scenario, h.date) + 1;
    return week >= 1 && week <= d.weeks;
  });
  if (context.length === 0 && !hasSameWeeks) return null;
  const peak = context.reduce<(typeof context)[number] | null>((m, e) => (m === null || e.rung > m.rung ? e : m), null);
  const classPeak = d.positions.reduce((m, p) => (p.escalation > m.escalation ? p : m), d.positions[0]!);
  return (
    <section className="debrief-section" aria-labelledby="debrief-record">
      <h2 id="debrief-record">{context.length > 0 ? 'The record before the start' : 'The record'}</h2>
      {peak && (
        <>
          <p>
            In the {context.length} events on record before {longDate(scenario.startDate)}, the highest rung was {peak.rung} ({longDate(peak.date)}: {peak.label}). The
            class’s highest escalation was {classPeak.escalation.toFixed(1)}
            {classPeak.week === 0 ? ', at the start' : ` in week ${classPeak.week}`}. The events are the grey diamonds left of the start on the escalation chart.
          </p>
          <table className="debrief-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Event</th>
                <th scope="col">Rung</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {context.map((e) => (
                <tr key={`${e.date}-${e.label}`}>
                  <th scope="row">
                    <time dateTime={e.date}>{longDate(e.date)}</time>
                  </th>
                  <td>{e.label}</td>
                  <td className="num">{e.rung}</td>
                  <td className="muted">{e.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <SameWeeks scenario={scenario} weeks={d.weeks} />
    </section>
  );
}
