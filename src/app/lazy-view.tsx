/**
 * Views loaded as chunks of their own, when first shown (the start page stays small). A chunk
 * that cannot be fetched (the device went offline, the server stopped) is said so, with a button
 * that tries again, in place of the view; the game in play is untouched. A view can also be
 * fetched ahead (`preload`), so that it opens offline once the page has loaded.
 */
import { Component, createRef, lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';

/** A view's chunk could not be fetched. */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
  constructor(
    readonly view: string,
    cause: unknown,
  ) {
    super(`The ${view} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Where a view that could not be loaded leaves to instead ("Back to the game"). */
export interface ViewBack {
  readonly label: string;
  readonly onClick: () => void;
}

interface Boundary {
  readonly view: string;
  readonly onRetry: () => void;
  readonly back: ViewBack | undefined;
  readonly children: ReactNode;
}

/** Shows a chunk that failed to load as a message and a retry; any other error goes on to the app's boundary. */
class ChunkBoundary extends Component<Boundary, { error: ChunkLoadError | null }> {
  override state: { error: ChunkLoadError | null } = { error: null };

  private readonly retryButton = createRef<HTMLButtonElement>();

  static getDerivedStateFromError(error: unknown): { error: ChunkLoadError | null } {
    if (error instanceof ChunkLoadError) return { error };
    throw error;
  }

  override componentDidUpdate(_props: Boundary, previous: { error: ChunkLoadError | null }): void {
    if (this.state.error && !previous.error) this.retryButton.current?.focus();
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="message error">
        <p>
          The {this.props.view} could not be loaded: this page could not fetch its files (is the device offline, or has the server stopped?). Your game is saved in this browser.
        </p>
        <button
          type="button"
          ref={this.retryButton}
          onClick={() => {
            this.setState({ error: null });
            this.props.onRetry();
          }}
        >
          Try again
        </button>
        {this.props.back && (
          <button type="button" onClick={this.props.back.onClick}>
            {this.props.back.label}
          </button>
        )}
      </div>
    );
  }
}

export interface LazyView<P extends object> {
  /** The view, loaded on first render, with a "Loading …" status meanwhile; `back` is offered if it cannot be loaded. */
  readonly View: ComponentType<P & { readonly back?: ViewBack }>;
  /** Fetches the view's chunk now (its failure is not reported: showing the view tries again). */
  preload(): void;
}

/** A view in a chunk of its own: `load` imports it; `view` names it in messages ("debrief"). */
export function lazyView<P extends object>(view: string, load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const once = () =>
    (loading ??= load().then(
      (component) => ({ default: component }),
      (e: unknown) => {
        loading = null;
        throw new ChunkLoadError(view, e);
      },
    ));
  function View({ back, ...props }: P & { readonly back?: ViewBack }) {
    // A lazy component keeps a failed load for good: each attempt makes a new one.
    const [attempt, setAttempt] = useState(0);
    const Loaded = useMemo(() => lazy(once), [attempt]);
    return (
      <ChunkBoundary view={view} back={back} onRetry={() => setAttempt((a) => a + 1)}>
        <Suspense fallback={<p role="status">Loading the {view}…</p>}>
          <Loaded {...(props as P)} />
        </Suspense>
      </ChunkBoundary>
    );
  }
  return {
    View,
    preload: () => void once().catch(() => {}),
  };
}
