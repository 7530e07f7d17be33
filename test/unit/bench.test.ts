// `npm run bench -- --quick` keeps working: every benchmark runs on a tiny input and prints its
// figures. Their values are not checked (CI does not run the real benchmarks; docs/BENCHMARKS.md).
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import { BENCHMARKS } from '../bench/suite';

const RUN = path.join(__dirname, '..', 'bench', 'run.js');

describe('npm run bench -- --quick', function () {
  this.timeout(120_000);

  it('runs every benchmark, and each prints a table of figures with values', async () => {
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [RUN, '--quick'], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    const sections = output.split(/\n(?=### )/).filter((section) => section.startsWith('### '));
    assert.deepStrictEqual(
      sections.map((section) => /^### ([\w-]+):/.exec(section)?.[1]),
      BENCHMARKS.map((benchmark) => benchmark.name),
    );
    for (const section of sections) {
      const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| figure'));
      assert.ok(rows.length > 0, `no figures in:\n${section}`);
      for (const row of rows) assert.match(row, /^\| .+ \| \S.* \|/, `a figure without a value: ${row}`);
    }
    assert.match(output, /\d+ of \d+ goals met\./);
  });
});
