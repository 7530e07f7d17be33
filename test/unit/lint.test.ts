// The layering rules of eslint.config.mjs bite: a `vscode` import is refused in src/cloud/ and in
// the listed pure modules, and allowed in the UI modules that need it.
import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const VSCODE_IMPORT = "import * as vscode from 'vscode';\nexport const api = vscode;\n";

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: REPO_ROOT }).lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('lint: layers', function () {
  this.timeout(30_000);

  it('refuses vscode in src/cloud/', async () => {
    assert.deepStrictEqual(await ruleIds(VSCODE_IMPORT, 'src/cloud/services/sixth.ts'), ['@typescript-eslint/no-restricted-imports']);
  });

  it('refuses vscode in a pure module of a UI folder', async () => {
    assert.deepStrictEqual(await ruleIds(VSCODE_IMPORT, 'src/explorer/pagedList.ts'), ['@typescript-eslint/no-restricted-imports']);
  });

  it('refuses vscode in the domain layer', async () => {
    assert.deepStrictEqual(await ruleIds(VSCODE_IMPORT, 'src/domain/health.ts'), ['@typescript-eslint/no-restricted-imports']);
  });

  it('refuses the cloud layer reaching up into a UI folder', async () => {
    assert.deepStrictEqual(
      await ruleIds("import { x } from '../../explorer/nodes';\nexport const y = x;\n", 'src/cloud/services/sixth.ts'),
      ['no-restricted-imports'],
    );
  });

  it('allows vscode where the UI talks to VS Code', async () => {
    assert.deepStrictEqual(await ruleIds(VSCODE_IMPORT, 'src/explorer/treeItems.ts'), []);
  });
});
