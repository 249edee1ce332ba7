// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../ui/error-boundary';
import { lazyView } from './lazy-view';

afterEach(cleanup);

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('lazyView', () => {
  it('says a chunk that cannot be fetched could not be loaded, and loads it when tried again', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const load = vi.fn(() => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(Hello)));
    const { View } = lazyView('debrief', load);
    const back = vi.fn();
    render(<View name="class" back={{ label: 'Back to the game', onClick: back }} />);
    expect((await screen.findByRole('alert')).textContent).toContain('The debrief could not be loaded');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the game' }));
    expect(back).toHaveBeenCalledOnce();

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByText('Hello class')).textContent).toBe('Hello class');
    expect(load).toHaveBeenCalledTimes(2);
    consoleError.mockRestore();
  });

  it('fetches once, whether preloaded or shown', async () => {
    const load = vi.fn(() => Promise.resolve(Hello));
    const { View, preload } = lazyView('analysis', load);
    preload();
    preload();
    render(<View name="analyst" />);
    await screen.findByText('Hello analyst');
    expect(load).toHaveBeenCalledOnce();
  });

  it('leaves any other error to the app’s boundary', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): never {
      throw new Error('the view itself is broken');
    }
    const { View } = lazyView('game', () => Promise.resolve(Broken));
    render(
      <ErrorBoundary>
        <View />
      </ErrorBoundary>,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Something went wrong');
    expect(screen.queryByText(/could not be loaded/)).toBeNull();
    consoleError.mockRestore();
  });
});
