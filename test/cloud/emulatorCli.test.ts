// `npm run emulator` (test/emulator/cli.ts) as a process: `--now` anchors the data set like
// startEmulator({ now }) does for the test runners, and a time that is not ISO 8601 is refused.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { adapterFor } from '../../src/cloud/services/registry';
import { createCloudSession } from '../../src/cloud/session';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';
import { DEMO_CREDENTIALS, DEMO_REGION, startEmulator } from '../emulator';

const CLI = path.join(__dirname, '..', 'emulator', 'cli.js');
const ANCHOR = '2026-03-02T09:30:00.000Z';

interface CliRun {
  readonly child: ChildProcess;
  /** Resolves with the URL from the start-up line. */
  readonly listening: Promise<string>;
  /** Resolves with the exit code and what the process wrote to stderr. */
  readonly exited: Promise<{ code: number | null; stderr: string }>;
  /** Everything written to stdout so far. */
  output(): string;
}

function runCli(...args: string[]): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    void exited.then(({ code }) => reject(new Error(`the emulator CLI exited (${code}) before listening: ${stderr}`)));
  });
  return { child, listening, exited, output: () => stdout };
}

/** Start times of the first page of backups of the first RDS instance, as the cloud layer reads them. */
async function firstBackupStarts(endpointTemplate: string): Promise<(number | undefined)[]> {
  const session = createCloudSession({
    settings: { ...DEFAULT_SETTINGS, endpointTemplate, region: DEMO_REGION, maxRetries: 0 },
    credentials: DEMO_CREDENTIALS,
  });
  const ctx = await session.context();
  const rds = adapterFor('rds');
  const [instance] = (await rds.listInstances(ctx, { limit: 1 })).items;
  const page = await rds.listBackups(ctx, instance, { limit: 10 });
  return page.items.map((backup) => backup.start.instant);
}

describe('emulator CLI', () => {
  it('--now anchors the data set at that time, as startEmulator({ now }) does', async () => {
    const cli = runCli('--port', '0', '--now', ANCHOR);
    const inProcess = await startEmulator({ now: new Date(ANCHOR) });
    try {
      const url = await cli.listening;
      const fromCli = await firstBackupStarts(`${url}/{service}`);
      assert.ok(
        fromCli.length > 0 && fromCli.every((start) => start !== undefined && start <= Date.parse(ANCHOR)),
        'backups before the anchor',
      );
      assert.deepStrictEqual(fromCli, await firstBackupStarts(inProcess.endpointTemplate));
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
      await inProcess.close();
    }
  });

  it('prints both accounts, their regions and project ids, and the failing region', async () => {
    const cli = runCli('--port', '0');
    const emulator = await startEmulator();
    try {
      await cli.listening;
      const deadline = Date.now() + 5000;
      while (!cli.output().includes('Press Ctrl-C') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const banner = cli.output();
      for (const expected of [
        emulator.credentials.accessKey,
        emulator.accountB.credentials.accessKey,
        emulator.accountB.credentials.secretKey,
        emulator.accountB.projectId,
        `${emulator.secondRegion.region}: project ${emulator.secondRegion.projectId}`,
        `${emulator.deniedRegion.region}: project ${emulator.deniedRegion.projectId}`,
        `${emulator.failingRegion}: no project`,
      ]) {
        assert.ok(banner.includes(expected), `the banner lacks ${expected}:\n${banner}`);
      }
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
      await emulator.close();
    }
  });

  it('refuses a --now that is not an ISO 8601 time, saying what it expects', async () => {
    const { code, stderr } = await runCli('--port', '0', '--now', 'yesterday').exited;
    assert.strictEqual(code, 2);
    assert.match(stderr, /--now expects an ISO 8601 time/);
  });

  it('--rate-limit SERVICE=RATE[/BURST] throttles that service from the start, and a malformed one is refused', async () => {
    const cli = runCli('--port', '0', '--rate-limit', 'iam=0.5/1');
    try {
      const url = await cli.listening;
      const session = () =>
        createCloudSession({
          settings: { ...DEFAULT_SETTINGS, endpointTemplate: `${url}/{service}`, region: DEMO_REGION, maxRetries: 0 },
          credentials: DEMO_CREDENTIALS,
        });
      await session().project();
      await assert.rejects(session().project(), /APIGW\.0308|throttl/i);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
    const { code, stderr } = await runCli('--port', '0', '--rate-limit', 'rds=fast').exited;
    assert.strictEqual(code, 2);
    assert.match(stderr, /--rate-limit: expected \[SERVICE=\]PER_SECOND\[\/BURST\]/);
  });
});
