import { useMemo, useState } from 'react';
import { dateOfTurn } from '../../engine/compile';
import { replay } from '../../engine/game';
import type { GameState } from '../../engine/state';
import { EscalationChart } from '../../charts/escalation-chart';
import { aheadRows, branchLines, phaseSpans, weekRows } from '../../charts/series';
import { SurvivalChart } from '../../charts/survival-chart';
import type { RoomView } from '../../classroom/protocol';
import type { Scenario } from '../../scenario/schema';
import { useOutlooks } from '../../store/outlook-react';

/** Every week's state of the room's game, replayed here from its log with the same engine as the server. */
export function useRoomStates(scenario: Scenario, view: RoomView): readonly GameState[] {
  return useMemo(
    () => replay(scenario, { scenarioId: view.scenarioId, seed: view.seed, horizon: view.horizon, log: view.log }).states,
    [scenario, view.scenarioId, view.seed, view.horizon, view.log],
  );
}

const LINES = branchLines([{ id: 'class', name: 'The class' }], 'class');

/** The room's escalation and talks charts, with the talks outlook from the latest week. */
export function RoomCharts({ scenario, view, states }: { scenario: Scenario; view: RoomView; states: readonly GameState[] }) {
  const [history, setHistory] = useState(false);
  const outlookOf = useOutlooks(scenario, states, view.strategies);
  const latest = states.length - 1;
  const charts = useMemo(() => {
    const dateOf = (t: number) => dateOfTurn(scenario, t);
    const rows = weekRows([{ id: 'class', name: 'The class', states }], dateOf, outlookOf);
    return { rows, talksRows: aheadRows(rows, latest, outlookOf(states[latest]!), dateOf), phases: phaseSpans(scenario, states) };
  }, [scenario, states, outlookOf, latest]);
  return (
    <div className="room-charts">
      <EscalationChart scenario={scenario} rows={charts.rows} lines={LINES} viewTurn={latest} horizon={view.horizon} history={history} onHistory={setHistory} />
      <SurvivalChart scenario={scenario} rows={charts.talksRows} lines={LINES} phases={charts.phases} viewTurn={latest} horizon={view.horizon} />
    </div>
  );
}

/** How each actor's move of the latest week was played: its team's note, or chosen automatically. */
export function lastWeekPlays(view: RoomView): Readonly<Record<string, { note?: string; auto?: true }>> {
  for (let i = view.log.length - 1; i >= 0; i--) {
    const e = view.log[i]!;
    if (e.kind === 'week') return e.moves;
  }
  return {};
}
