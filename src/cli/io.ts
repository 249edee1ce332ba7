/** The CLI's streams, passed in so commands can be tested without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly errIsTTY: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTTY: Boolean(process.stderr.isTTY),
};

/** A progress bar on stderr that redraws in place; silent when stderr is not a terminal. */
export function progressBar(io: Io, total: number, label: string): { update(done: number): void; finish(): void } {
  if (!io.errIsTTY) return { update: () => {}, finish: () => {} };
  const width = 30;
  let last = -1;
  return {
    update(done) {
      const pct = Math.floor((100 * done) / Math.max(1, total));
      if (pct === last) return;
      last = pct;
      const filled = Math.round((width * done) / Math.max(1, total));
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total}`);
    },
    finish() {
      io.err('\n');
    },
  };
}
