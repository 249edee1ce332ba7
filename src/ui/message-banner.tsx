import { useSession } from '../store/react';

/** The store's latest message: errors as alerts, notices as status lines, each dismissable. */
export function MessageBanner() {
  const message = useSession((s) => s.message);
  const dismiss = useSession((s) => s.dismiss);
  const undoDelete = useSession((s) => s.undoDelete);
  if (!message) return null;
  return (
    <div className={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <p>{message.text}</p>
      {message.undoDelete && (
        <button type="button" onClick={undoDelete}>
          Undo
        </button>
      )}
      <button type="button" onClick={dismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
