import { useState } from 'react';
import type { BranchLine } from '../charts/series';
import type { Session } from '../scenario/files/session-file';
import { weeksIn } from '../scenario/log';
import { useSession } from '../store/react';

export interface BranchesProps {
  readonly session: Session;
  readonly lines: readonly BranchLine[];
  readonly viewTurn: number;
}

function BranchItem({ line, forkTurn, weeks }: { line: BranchLine; forkTurn: number | null; weeks: number }) {
  const switchBranch = useSession((s) => s.switchBranch);
  const rename = useSession((s) => s.renameBranch);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(line.name);
  return (
    <li className={line.active ? 'active' : undefined}>
      <span className="swatch" style={{ background: line.colour }} aria-hidden="true" />
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            rename(line.id, name);
            setEditing(false);
          }}
        >
          <input aria-label={`New name for ${line.name}`} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoFocus />
          <button type="submit">Save name</button>
        </form>
      ) : (
        <>
          <button type="button" className="branch-name" aria-pressed={line.active} onClick={() => switchBranch(line.id)}>
            {line.name}
          </button>
          <span className="muted">
            {weeks} week{weeks === 1 ? '' : 's'}
            {forkTurn !== null ? `, from week ${forkTurn}` : ''}
          </span>
          <button type="button" className="link" aria-label={`Rename ${line.name}`} onClick={() => setEditing(true)}>
            Rename
          </button>
        </>
      )}
    </li>
  );
}

/** The game's branches: switch between them, rename them, fork a new one with "What if?". */
export function Branches({ session, lines, viewTurn }: BranchesProps) {
  const fork = useSession((s) => s.fork);
  return (
    <section className="branches" aria-labelledby="branches-heading">
      <h2 id="branches-heading">Branches</h2>
      <ul>
        {session.branches.map((b, i) => (
          <BranchItem key={b.id} line={lines[i]!} forkTurn={b.parent === null ? null : b.forkTurn} weeks={weeksIn(b.log)} />
        ))}
      </ul>
      <button type="button" onClick={() => fork()} title={`Fork a new branch from week ${viewTurn}`}>
        What if?
      </button>
      <p className="hint">“What if?” starts a new branch from the week in view ({viewTurn === 0 ? 'the start' : `week ${viewTurn}`}).</p>
    </section>
  );
}
