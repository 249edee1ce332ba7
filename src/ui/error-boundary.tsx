import { Component, Fragment, createRef, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /**
   * Called by "Back to start" before the children are mounted afresh: clear whatever state
   * led to the error (for example the current game session). Saved games are not touched here.
   */
  onReset?: () => void;
}

interface ErrorBoundaryState {
  error: Error | null;
  /** Bumped on every reset so that the children remount with fresh state. */
  generation: number;
}

/**
 * The app-level error boundary: a render error anywhere below it shows a message and a
 * "Back to start" button instead of a blank page. Its fallback is a page of its own
 * (a <main> with an <h1>), so use it once, around the whole app.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, generation: 0 };

  private readonly heading = createRef<HTMLHeadingElement>();

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Deterrence Lab: unexpected error', error, info.componentStack);
  }

  // Move focus to the message so keyboard and screen-reader users learn what happened.
  // (An error during the very first render commits the boundary already in its error state.)
  override componentDidMount(): void {
    if (this.state.error) this.heading.current?.focus();
  }

  override componentDidUpdate(_prevProps: ErrorBoundaryProps, prevState: ErrorBoundaryState): void {
    if (this.state.error && !prevState.error) this.heading.current?.focus();
  }

  private readonly reset = (): void => {
    this.props.onReset?.();
    this.setState((state) => ({ error: null, generation: state.generation + 1 }));
  };

  override render(): ReactNode {
    const { error, generation } = this.state;
    if (!error) return <Fragment key={generation}>{this.props.children}</Fragment>;

    return (
      <main className="error-screen">
        <div role="alert">
          <h1 ref={this.heading} tabIndex={-1}>
            Something went wrong
          </h1>
          <p>Deterrence Lab hit an unexpected error and could not show this view.</p>
        </div>
        <details className="error-details">
          <summary>Technical details</summary>
          <pre>{error.message || error.name}</pre>
        </details>
        <p>
          <button type="button" onClick={this.reset}>
            Back to start
          </button>
        </p>
      </main>
    );
  }
}
