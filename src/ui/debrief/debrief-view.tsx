import { useEffect, useMemo } from 'react';
import { debrief, type Player } from '../../analysis/debrief';
import type { GameLog } from '../../scenario/log';
import type { Scenario } from '../../scenario/schema';
import { useSession } from '../../store/react';
import { useGame } from '../use-game';
import { DebriefHeader } from './debrief-header';
import { ExportsSection } from './exports-section';
import { FuturesSections } from './futures-sections';
import { PathSection } from './path-section';
import { RecordSection } from './record-section';
import { TeamsSection } from './teams-section';
import { TurningPoints } from './turning-points';
import { useFutures } from './use-futures';
import './debrief.css';

const NO_PLAYERS: Readonly<Record<string, Player>> = {};

/**
 * The debrief of the game in play (its active branch), built for print: the path, escalation and
 * the talks over the AI futures, turning points, how each team did, the record, and exports. The
 * tables that do not need the futures show at once; the charts follow when they are done.
 */
export function DebriefView({ scenario }: { scenario: Scenario }) {
  const view = useGame(scenario);
  const back = useSession((s) => s.back);
  const session = view?.session ?? null;
  const log = view?.branch.log;
  const game: GameLog | null = useMemo(
    () => (session && log ? { scenarioId: session.scenarioId, seed: session.seed, horizon: session.horizon, log } : null),
    [session, log],
  );
  const players = session?.controllers ?? NO_PLAYERS;
  if (!game || !session || !view) return null;
  return <DebriefPage scenario={scenario} game={game} players={players} session={session} branch={session.branches.length > 1 ? view.branch.name : null} onBack={back} />;
}

export interface DebriefPageProps {
  readonly scenario: Scenario;
  readonly game: GameLog;
  readonly players: Readonly<Record<string, Player>>;
  /** The whole game as played (a session, a classroom room), written into the JSON export. */
  readonly session: unknown;
  readonly branch: string | null;
  readonly onBack: () => void;
}

/** The debrief of one game log: a hot-seat session's branch, or a classroom room's game. */
export function DebriefPage({ scenario, game, players, session, branch, onBack }: DebriefPageProps) {
  const { futures, cancel, retry } = useFutures(scenario, game, players);
  const tally = futures.status === 'done' ? futures.tally : null;
  const d = useMemo(() => debrief({ scenario, game, players, futures: tally }), [scenario, game, players, tally]);
  const running = futures.status === 'running';
  useEffect(() => {
    document.getElementById('debrief-title')?.focus();
  }, []);
  return (
    <article className="debrief" aria-labelledby="debrief-title">
      <DebriefHeader debrief={d} branch={branch} onBack={onBack} />
      <PathSection scenario={scenario} debrief={d} />
      <FuturesSections scenario={scenario} debrief={d} futures={futures} onCancel={cancel} onRetry={retry} />
      <TurningPoints scenario={scenario} debrief={d} />
      <TeamsSection scenario={scenario} debrief={d} running={running} />
      <RecordSection scenario={scenario} debrief={d} />
      <ExportsSection scenario={scenario} debrief={d} game={session} running={running} />
    </article>
  );
}
