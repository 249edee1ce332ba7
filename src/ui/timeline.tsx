import { lastDayOfWeek } from '../analysis/week-story';
import { dateOfTurn } from '../engine/compile';
import type { Scenario } from '../scenario/schema';
import { useSession } from '../store/react';

export interface TimelineProps {
  readonly scenario: Scenario;
  readonly latest: number;
  readonly viewTurn: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** Jump to any past week; undo and redo the last entry of the log (a week or a fired event) (also Ctrl+Z and Ctrl+Shift+Z). */
export function Timeline({ scenario, latest, viewTurn, canUndo, canRedo }: TimelineProps) {
  const viewTurnAt = useSession((s) => s.viewTurn);
  const undo = useSession((s) => s.undo);
  const redo = useSession((s) => s.redoTurn);
  return (
    <nav className="timeline" aria-label="Timeline">
      <div className="timeline-actions">
        <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        {viewTurn !== latest && (
          <button type="button" onClick={() => viewTurnAt(null)}>
            Back to the latest week
          </button>
        )}
      </div>
      <ol className="weeks">
        {Array.from({ length: latest + 1 }, (_, t) => (
          <li key={t}>
            <button
              type="button"
              aria-current={t === viewTurn ? 'step' : undefined}
              aria-label={t === 0 ? `Start, ${dateOfTurn(scenario, 0)}` : `Week ${t}, to ${lastDayOfWeek(scenario, t - 1)}`}
              onClick={() => viewTurnAt(t)}
            >
              {t === 0 ? 'Start' : t}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
