/**
 * `npm run emulator [-- --port 8790 --dataset demo|scale --now 2026-03-02T09:30:00Z]`: starts the
 * emulator and prints what to paste into VS Code. The credentials printed are the emulator's fake
 * demo keys. `--now` anchors the data set's times (default: the current time), so a run against
 * it sees the same data as the test runners, which pass their anchor as HWC_EMULATOR_NOW.
 */
import { startEmulator } from './index';

interface CliOptions {
  port: number;
  dataset: 'demo' | 'scale';
  now?: Date;
}

const USAGE = 'Usage: node out/test/emulator/cli.js [--port N] [--dataset demo|scale] [--now ISO-8601 time]';

function parseArgs(args: readonly string[]): CliOptions {
  const options: CliOptions = { port: 8790, dataset: 'demo' };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    const value = inline ?? args[++i];
    if (flag === '--port') {
      if (!/^\d+$/.test(value ?? '') || Number(value) > 65535) throw new Error(`--port expects a port number, got "${value ?? ''}".`);
      options.port = Number(value);
    } else if (flag === '--dataset') {
      if (value !== 'demo' && value !== 'scale') throw new Error(`--dataset expects demo or scale, got "${value ?? ''}".`);
      options.dataset = value;
    } else if (flag === '--now') {
      const anchor = new Date(value ?? '');
      if (!/^\d{4}-\d{2}-\d{2}T/.test(value ?? '') || Number.isNaN(anchor.getTime())) {
        throw new Error(`--now expects an ISO 8601 time such as 2026-03-02T09:30:00Z, got "${value ?? ''}".`);
      }
      options.now = anchor;
    } else {
      throw new Error(`Unknown option ${args[i]}.`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator({ port: options.port, dataset: options.dataset, now: options.now });
  const anchored = options.now ? `, anchored at ${options.now.toISOString()}` : '';
  const settings = {
    'hwcBackups.endpointTemplate': emulator.endpointTemplate,
    'hwcBackups.region': emulator.region,
    'hwcBackups.projectId': emulator.projectId,
  };
  process.stdout.write(
    [
      `Huawei Cloud emulator (${options.dataset} data set${anchored}) listening on ${emulator.url}`,
      '',
      'Paste into your VS Code settings.json:',
      JSON.stringify(settings, null, 2),
      '',
      'Demo credentials (fake; use "Huawei Cloud Backups: Set Credentials…" or the environment):',
      `  access key: ${emulator.credentials.accessKey}`,
      `  secret key: ${emulator.credentials.secretKey}`,
      `  export HUAWEICLOUD_SDK_AK=${emulator.credentials.accessKey} HUAWEICLOUD_SDK_SK=${emulator.credentials.secretKey}`,
      '',
      'Regions and accounts (fake keys; project ids resolve from IAM, or set them):',
      `  account A (the demo keys above), ${emulator.region}: project ${emulator.projectId} (the ${options.dataset} data set)`,
      `  account A, ${emulator.secondRegion.region}: project ${emulator.secondRegion.projectId} (a small data set, hk-…)`,
      `  account A, ${emulator.deniedRegion.region}: project ${emulator.deniedRegion.projectId} (every call: 403 APIGW.0802)`,
      `  account B: access key ${emulator.accountB.credentials.accessKey}`,
      `             secret key ${emulator.accountB.credentials.secretKey}`,
      `             ${emulator.accountB.region}: project ${emulator.accountB.projectId} (a small data set, b-…)`,
      `  ${emulator.failingRegion}: no project for either account (the IAM look-up fails)`,
      '',
      `Control API: ${emulator.url}/__emulator/requests, POST ${emulator.url}/__emulator/faults`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
