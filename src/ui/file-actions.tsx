import { useRef, useState } from 'react';
import { useSession } from '../store/react';
import { downloadText } from './exports';

/** Export and import the game as JSON, and copy a share link that replays it exactly. */
export function FileActions({ fileName }: { fileName: string }) {
  const exportText = useSession((s) => s.exportText);
  const importText = useSession((s) => s.importText);
  const shareCode = useSession((s) => s.shareCode);
  const input = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const share = async () => {
    const code = shareCode();
    if (!code) return;
    const url = `${location.origin}${location.pathname}#g=${code}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Share link copied to the clipboard.');
    } catch {
      setCopied('Copy the link below: the clipboard is not available here.');
    }
  };

  return (
    <section className="file-actions" aria-label="Save and share">
      <button
        type="button"
        onClick={() => {
          const text = exportText();
          if (text) downloadText(fileName, text, 'application/json');
        }}
      >
        Export game
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        Import game
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Game file to import"
        data-testid="import-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) importText(await file.text(), file.name);
        }}
      />
      <button type="button" onClick={share}>
        Copy share link
      </button>
      {link && (
        <p className="share-link">
          <span role="status">{copied}</span>
          <input readOnly value={link} aria-label="Share link" onFocus={(e) => e.target.select()} />
        </p>
      )}
    </section>
  );
}
