// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

afterEach(cleanup);

const failure = { on: false };

function Fragile() {
  if (failure.on) throw new Error('resolveTurn exploded');
  return <p>All quiet</p>;
}

describe('ErrorBoundary', () => {
  it('renders its children when nothing throws', () => {
    failure.on = false;
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByText('All quiet')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a message and goes back to start after an error', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const onReset = vi.fn(() => {
      failure.on = false;
    });
    failure.on = true;
    render(
      <ErrorBoundary onReset={onReset}>
        <Fragile />
      </ErrorBoundary>,
    );

    expect(screen.getByRole('alert').textContent).toContain('Something went wrong');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Something went wrong');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByText('resolveTurn exploded')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(consoleError).toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Back to start' }));

    expect(onReset).toHaveBeenCalledOnce();
    expect(screen.getByText('All quiet')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('wraps a thrown non-Error value', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function ThrowsString(): never {
      throw 'plain string';
    }
    render(
      <ErrorBoundary>
        <ThrowsString />
      </ErrorBoundary>,
    );
    expect(screen.getByText('plain string')).toBeTruthy();
  });
});
