import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './src/app/content-security-policy.ts';

/** The app's Content-Security-Policy as a meta tag, in the build only: Vite's dev server injects an inline script for hot reload. */
function csp(): Plugin {
  return {
    name: 'deterrence-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' }],
  };
}

/**
 * Vite config for the app (dev server, build, preview). Unit tests have their own
 * `vitest.config.ts`, which extends this one.
 */
export default defineConfig({
  plugins: [react(), csp()],
  // `npm start` serves on http://localhost:5173 (the README says so): fail rather than wander to 5174.
  server: { port: 5173, strictPort: true },
  // Playwright builds and serves the app here (see playwright.config.ts).
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Raw (minified, not gzipped) KB. The lazily loaded recharts chunk is about 325 KB (95 KB
    // gzipped); the first view must stay under 200 KB of gzipped JS (DESIGN.md, "Budgets").
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React changes rarely: its own long-cached chunk, loaded by the first view.
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 20,
            },
            // recharts and its dependencies: only ever imported by lazily loaded views
            // (forecast/analysis), so this chunk stays off the first load.
            {
              name: 'charts',
              test: /[\\/]node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|@reduxjs[\\/]toolkit|react-redux|redux|redux-thunk|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
