import type { Scenario } from '../scenario/schema';
import { useSession } from '../store/react';

const when = (iso: string | null) =>
  iso === null
    ? 'before dates were kept'
    : new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Every game the user started, most recent first, each with Resume and Delete (which can be undone). */
export function SavedGames({ scenarios }: { scenarios: readonly Scenario[] }) {
  const games = useSession((s) => s.games);
  const current = useSession((s) => s.gameId);
  const resume = useSession((s) => s.resume);
  const remove = useSession((s) => s.deleteGame);
  if (games.length === 0) return null;
  const title = (id: string) => scenarios.find((s) => s.id === id)?.title ?? id;
  return (
    <section className="saved-games" aria-labelledby="saved-games-heading">
      <h2 id="saved-games-heading">Your games</h2>
      <ul>
        {games.map((g) => {
          const label = `${title(g.scenarioId)}, seed ${g.seed}, ${g.weeks} of ${g.horizon} weeks`;
          return (
            <li key={g.id} aria-current={g.id === current ? 'true' : undefined}>
              <div>
                <strong>{title(g.scenarioId)}</strong>
                <span className="muted">
                  {' '}
                  · seed {g.seed} · {g.weeks} of {g.horizon} weeks played{g.branches > 1 ? ` · ${g.branches} branches` : ''} · last played {when(g.updatedAt)}
                </span>
              </div>
              <div className="saved-game-actions">
                <button type="button" onClick={() => resume(g.id)} aria-label={`Resume ${label}`}>
                  Resume
                </button>
                <button type="button" onClick={() => remove(g.id)} aria-label={`Delete ${label}`}>
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
