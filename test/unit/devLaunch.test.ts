// The desktop "Extension Tests" launch (.vscode/launch.json) and its emulator task (.vscode/tasks.json)
// must anchor the demo data where the test runners do, or the host suites see other data there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FIXED_NOW } from '../host/emulatorWiring';

const REPO = path.join(__dirname, '..', '..', '..');

/** These files are JSON with whole-line `//` comments. */
function readJsonWithComments(relative: string): unknown {
  const text = fs.readFileSync(path.join(REPO, relative), 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
}

interface Task {
  label: string;
  command?: string;
  dependsOn?: string[];
}

describe('desktop Extension Tests launch', () => {
  it("starts the emulator at the runners' anchor and passes it on as HWC_EMULATOR_NOW", () => {
    const { configurations } = readJsonWithComments('.vscode/launch.json') as {
      configurations: Array<{ name: string; env: Record<string, string>; preLaunchTask: string }>;
    };
    const { tasks } = readJsonWithComments('.vscode/tasks.json') as { tasks: Task[] };
    const launch = configurations.find((configuration) => configuration.name === 'Extension Tests');
    assert.ok(launch, 'no "Extension Tests" launch configuration');
    assert.strictEqual(launch.env.HWC_EMULATOR_NOW, FIXED_NOW.toISOString());

    const byLabel = new Map(tasks.map((task) => [task.label, task]));
    const preLaunch = byLabel.get(launch.preLaunchTask);
    assert.ok(preLaunch, `no task "${launch.preLaunchTask}"`);
    const emulatorTasks = [preLaunch, ...(preLaunch.dependsOn ?? []).map((label) => byLabel.get(label))].filter((task) =>
      task?.command?.includes('npm run emulator'),
    );
    assert.strictEqual(emulatorTasks.length, 1, 'one emulator task before the tests');
    assert.ok(emulatorTasks[0]!.command!.endsWith(`--now ${FIXED_NOW.toISOString()}`), emulatorTasks[0]!.command);
  });
});
