/** Progress of a long computation in futures, with a Cancel button. */
export function ProgressBar({ label, done, total, onCancel }: { label: string; done: number; total: number; onCancel: () => void }) {
  return (
    <div className="forecast-progress">
      <progress max={total} value={done} aria-label={label} />
      <span role="status">
        {done.toLocaleString('en-US')} of {total.toLocaleString('en-US')} futures
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
