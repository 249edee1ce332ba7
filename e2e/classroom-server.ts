/**
 * A classroom server of a test's own (its own port and rooms folder) over the build the test run
 * made, for tests that stop and restart it; it is killed with SIGKILL, as by a power cut.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestServer {
  readonly url: string;
  readonly roomsDir: string;
  /** Kills the process at once (SIGKILL): no clean shutdown. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function launch(port: number, roomsDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', String(port), '--rooms', roomsDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ready, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`the server did not start in 30 s:\n${out}`)), 30_000);
    const read = (b: Buffer) => {
      out += b.toString();
      if (out.includes('Deterrence Lab is running')) {
        clearTimeout(timer);
        ready(child);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${out}`));
    });
  });
}

export async function startTestServer(port: number): Promise<TestServer> {
  const roomsDir = mkdtempSync(join(tmpdir(), 'deterrence-lab-classroom-'));
  let child = await launch(port, roomsDir);
  const exited = (c: ChildProcess) => new Promise<void>((done) => (c.exitCode !== null || c.signalCode !== null ? done() : c.once('exit', () => done())));
  return {
    url: `http://127.0.0.1:${port}`,
    roomsDir,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      child = await launch(port, roomsDir);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
