/**
 * `npm run emulator [-- --port 8790 --dataset demo|scale --now 2026-03-02T09:30:00Z --rate-limit rds=10]`: starts the
 * emulator and prints what to paste into VS Code. The credentials printed are the emulator's fake
 * demo keys. `--now` anchors the data set's times (default: the current time), so a run against
 * it sees the same data as the test runners, which pass their anchor as HWC_EMULATOR_NOW.
 */
import { startEmulator, type RateLimitSpec } from './index';
import { rateLimitProblem } from './rateLimit';

interface CliOptions {
  port: number;
  dataset: 'demo' | 'scale';
  now?: Date;
  rateLimits: RateLimitSpec[];
}

const USAGE =
  'Usage: node out/test/emulator/cli.js [--port N] [--dataset demo|scale] [--now ISO-8601 time] ' +
  '[--rate-limit [SERVICE=]PER_SECOND[/BURST]]…';

/** `--rate-limit rds=10/20`: RDS at 10 requests a second, 20 at once; without `SERVICE=`, every service. */
function parseRateLimit(value: string): RateLimitSpec {
  const match = /^(?:([a-z]+)=)?([\d.]+)(?:\/([\d.]+))?$/.exec(value);
  const spec: RateLimitSpec | undefined = match
    ? { ...(match[1] ? { service: match[1] } : {}), ratePerSecond: Number(match[2]), ...(match[3] ? { burst: Number(match[3]) } : {}) }
    : undefined;
  const problem = spec ? rateLimitProblem(spec) : 'expected [SERVICE=]PER_SECOND[/BURST]';
  if (problem) throw new Error(`--rate-limit: ${problem}, got "${value}".`);
  return spec!;
}

function parseArgs(args: readonly string[]): CliOptions {
  const options: CliOptions = { port: 8790, dataset: 'demo', rateLimits: [] };
  for (let i = 0; i < args.length; i++) {
    const equals = args[i].indexOf('=');
    const flag = equals < 0 ? args[i] : args[i].slice(0, equals);
    const value = equals < 0 ? args[++i] : args[i].slice(equals + 1);
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
    } else if (flag === '--rate-limit') {
      options.rateLimits.push(parseRateLimit(value ?? ''));
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
  for (const limit of options.rateLimits) emulator.setRateLimit(limit);
  const anchored = options.now ? `, anchored at ${options.now.toISOString()}` : '';
  const limited = options.rateLimits.map((l) => `${l.service ?? 'every service'} at ${l.ratePerSecond}/s`).join(', ');
  const settings = {
    'hwcBackups.endpointTemplate': emulator.endpointTemplate,
    'hwcBackups.region': emulator.region,
    'hwcBackups.projectId': emulator.projectId,
  };
  process.stdout.write(
    [
      `Huawei Cloud emulator (${options.dataset} data set${anchored}) listening on ${emulator.url}`,
      ...(limited ? [`Rate limit: ${limited} (429 APIGW.0308 beyond it)`] : []),
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
      `Control API: ${emulator.url}/__emulator/requests, POST ${emulator.url}/__emulator/faults, POST …/rate-limits`,
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
