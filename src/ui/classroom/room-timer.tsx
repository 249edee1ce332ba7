import { useEffect, useState } from 'react';
import { remainingMs } from '../../scenario/files/room-log';
import type { RoomView } from '../../classroom/protocol';

const mmss = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The week's timer, read on the server's clock (`offset`: server minus this screen, ms). */
export function RoomTimer({ view, offset, large = false }: { view: RoomView; offset: number; large?: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  const running = view.timer?.running ?? false;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);
  if (!view.timer) return null;
  const left = remainingMs(view.timer, now + offset);
  const up = left === 0;
  return (
    <p className={`room-timer${large ? ' large' : ''}${up ? ' up' : ''}`} aria-live="off">
      <span className="muted">{running ? 'Time left' : 'Timer paused'}</span> <strong data-testid="timer">{up ? "Time's up" : mmss(left)}</strong>
    </p>
  );
}
