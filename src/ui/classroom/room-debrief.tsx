import { useMemo } from 'react';
import type { Player } from '../../analysis/debrief';
import type { RoomView } from '../../classroom/protocol';
import type { GameLog } from '../../scenario/log';
import type { Scenario } from '../../scenario/schema';
import { DebriefPage } from '../debrief/debrief-view';

/** A classroom room's debrief: its game, its teams as the players, the AI actors with the room's strategies. */
export function RoomDebrief({ scenario, view, onBack }: { scenario: Scenario; view: RoomView; onBack: () => void }) {
  const { scenarioId, seed, horizon, log, teams, strategies, code, rollbacks } = view;
  const game: GameLog = useMemo(() => ({ scenarioId, seed, horizon, log }), [scenarioId, seed, horizon, log]);
  const players = useMemo(
    () => Object.fromEntries(scenario.actors.map((a): [string, Player] => [a.id, teams.includes(a.id) ? 'human' : strategies[a.id] ?? a.defaultStrategy])),
    [scenario, teams, strategies],
  );
  const room = useMemo(() => ({ room: code, scenarioId, seed, horizon, teams, strategies, rollbacks, log }), [code, scenarioId, seed, horizon, teams, strategies, rollbacks, log]);
  return <DebriefPage scenario={scenario} game={game} players={players} session={room} branch={null} onBack={onBack} />;
}
