#!/usr/bin/env node
// `npm test`: prepares everything (host tools, type-check + compile, .vsix, bundle), then runs every
// suite — lint (layers and import circles), unit, cloud, host (code-server's extension host), ui (Playwright), demo (the README's
// `npm run demo`, in its smoke mode), package (.vsix) — and closes with one line `N passed, N failed` (`, N skipped` when some were).
// A suite that fails to run, or a preparation step that fails, counts as one failure; the exit
// status is non-zero whenever anything failed.
//   node scripts/test-all.mjs [suite ...]   runs only the named suites (after the preparation)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const node = process.execPath;

const preparation = [
  { name: 'host tools', command: 'bash', args: ['scripts/setup-host.sh'], only: ['host', 'ui', 'demo', 'package'] },
  { name: 'type-check and compile', command: 'npm', args: ['run', '-s', 'compile'] },
  // Packaging runs the production build into dist/; the development build after it (with source
  // maps) is what the host and UI suites load.
  { name: 'package .vsix', command: 'npm', args: ['run', '-s', 'package'], only: ['package'] },
  { name: 'bundle', command: 'npm', args: ['run', '-s', 'build'], only: ['host', 'ui'] },
];

const suites = [
  // The layering rules (eslint.config.mjs: no vscode below the UI; .dependency-cruiser.cjs: no circles).
  { name: 'lint', command: 'npm', args: ['run', '-s', 'lint'], check: true },
  { name: 'unit', command: node, args: [mocha, '--config', '.mocharc.unit.json'] },
  { name: 'cloud', command: node, args: [mocha, '--config', '.mocharc.cloud.json'] },
  { name: 'host', command: node, args: ['out/test/host/runTests.js'] },
  { name: 'ui', command: node, args: ['out/test/ui/run.js'] },
  // Through npm, exactly as the README's first command, so a nested-npm or build problem shows here.
  { name: 'demo', command: 'npm', args: ['run', 'demo', '--', '--smoke'], check: true },
  { name: 'package', command: node, args: [mocha, '--config', '.mocharc.package.json'] },
];

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!suites.some((suite) => suite.name === name)) {
    console.error(`unknown suite "${name}"; suites: ${suites.map((suite) => suite.name).join(', ')}`);
    process.exit(2);
  }
}
const selected = wanted.length > 0 ? suites.filter((suite) => wanted.includes(suite.name)) : suites;
const selectedNames = selected.map((suite) => suite.name);

let current;
let interruptedBy;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    // The suite's runner cleans up (code-server, Chromium) on the same signal; wait for it.
    interruptedBy = { signal, code };
    current?.kill(signal);
  });
}

/** Runs a command with its output streamed through; resolves with its exit code and output. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    current = child;
    let output = '';
    const relay = (stream) => (chunk) => {
      stream.write(chunk);
      output += chunk.toString();
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('error', (error) => {
      output += `\n${error.message}\n`;
    });
    child.on('close', (code, signal) => {
      current = undefined;
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/**
 * Mocha's "N passing / N failing / N pending" in the output, summed over every run in it (the host
 * runner runs its English suites, then its zh-cn ones, each ending with its own counts).
 */
function mochaCounts(output) {
  const text = output.replace(/\x1b\[[0-9;]*m/g, '');
  const sum = (word) => {
    const matches = [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
    return matches.length > 0 ? matches.reduce((total, match) => total + Number(match[1]), 0) : undefined;
  };
  return { passed: sum('passing'), failed: sum('failing'), skipped: sum('pending') };
}

const results = [];
const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

for (const step of preparation) {
  if (interruptedBy) break;
  if (step.only && !step.only.some((name) => selectedNames.includes(name))) continue;
  console.log(`\n=== ${step.name}`);
  const stepStarted = Date.now();
  const { code } = await run(step.command, step.args);
  results.push({
    name: step.name,
    passed: 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    time: seconds(stepStarted),
    note: code === 0 ? 'ok' : `failed (exit ${code})`,
  });
}

for (const suite of selected) {
  if (interruptedBy) break;
  console.log(`\n=== ${suite.name} tests`);
  const suiteStarted = Date.now();
  const { code, output } = await run(suite.command, suite.args);
  // A check is one test: it passed when it exited 0.
  const counts = suite.check ? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 } : mochaCounts(output);
  const result = {
    name: `${suite.name} tests`,
    passed: counts.passed ?? 0,
    failed: counts.failed ?? 0,
    skipped: counts.skipped ?? 0,
    time: seconds(suiteStarted),
  };
  if (counts.passed === undefined && counts.failed === undefined) {
    result.failed += 1;
    result.note = `could not run (exit ${code})`;
  } else if (code !== 0 && result.failed === 0) {
    result.failed += 1;
    result.note = `exited with ${code} although no test failed`;
  } else if (code === 0 && result.failed > 0) {
    result.note = `reported failures but exited 0`;
  }
  results.push(result);
}

const total = results.reduce(
  (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`\n=== summary (${seconds(started)})`);
for (const r of results) {
  const counts = r.name.endsWith('tests') ? `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}` : '';
  console.log(`${r.name.padEnd(24)} ${r.time.padStart(6)}  ${[counts, r.note].filter(Boolean).join(' — ')}`);
}
if (interruptedBy) console.log(`interrupted by ${interruptedBy.signal}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(interruptedBy ? interruptedBy.code : total.failed > 0 ? 1 : 0);
