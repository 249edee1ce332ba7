/**
 * `npm start` (after `vite build`) and `npm run dev` (with `--dev`): the classroom server.
 *
 *   tsx src/server/main.ts [--port 5173] [--host 0.0.0.0] [--rooms DIR] [--app dist] [--dev]
 *
 * Rooms are kept in DIR (default `rooms/` in the project; also $DETERRENCE_LAB_ROOMS). It prints the
 * addresses a class can open, with a QR code of the first one on the local network.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { terminalQr } from './addresses';
import { scenariosIn } from './scenarios';
import { startServer } from './server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      rooms: { type: 'string' },
      app: { type: 'string' },
      dev: { type: 'boolean' },
    },
  });
  const port = Number(values.port ?? process.env['PORT'] ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port expects a port number, got "${values.port}"`);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const appDir = resolve(values.app ?? join(root, 'dist'));
  if (!values.dev && !existsSync(join(appDir, 'index.html'))) throw new Error(`no built app in ${appDir}: run \`npm run build\` first (npm start does)`);
  const server = await startServer({
    port,
    host: values.host ?? '0.0.0.0',
    roomsDir: resolve(values.rooms ?? process.env['DETERRENCE_LAB_ROOMS'] ?? join(root, 'rooms')),
    appDir,
    dev: values.dev ?? false,
    scenarios: scenariosIn(join(root, 'scenarios'), log),
    log,
  });
  log(`\nDeterrence Lab is running${values.dev ? ' (development, hot reload)' : ''}:`);
  for (const url of server.urls) log(`  ${url}`);
  const lan = server.urls.find((u) => !u.includes('localhost'));
  if (lan) log(`\nTeams on the same network open ${lan} (or scan):\n${await terminalQr(lan)}`);
  else log('\nNo network address found: teams can join only from this machine.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`deterrence-lab server: ${(e as Error).message}\n`);
  process.exit(1);
});
