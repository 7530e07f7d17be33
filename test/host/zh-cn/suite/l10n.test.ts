// The extension in a Chinese workbench (display language zh-cn, stub language pack): VS Code
// reads package.nls.zh-cn.json for everything the manifest contributes and hands the extension
// its zh-cn l10n bundle.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../emulatorControl';

function nls(extension: vscode.Extension<unknown>, file: 'package.nls.json' | 'package.nls.zh-cn.json'): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(extension.extensionPath, file), 'utf8'));
}

describe('l10n: the extension in a zh-cn workbench', () => {
  const extension = () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded`);
    return found;
  };

  it('runs with the display language zh-cn', () => {
    assert.strictEqual(vscode.env.language, 'zh-cn');
  });

  it('contributes its view container, view, commands and settings with the Chinese strings', () => {
    const en = nls(extension(), 'package.nls.json');
    const zh = nls(extension(), 'package.nls.zh-cn.json');
    const contributes = extension().packageJSON.contributes;
    assert.strictEqual(contributes.viewsContainers.activitybar[0].title, '华为云备份');
    assert.strictEqual(contributes.views.hwcBackups[0].name, zh['views.explorer.name']);
    // Command titles and categories come translated with their English original (the palette matches both).
    const filter = contributes.commands.find((command: { command: string }) => command.command === 'hwcBackups.filter');
    assert.deepStrictEqual(
      [filter.category, filter.title],
      [
        { value: '华为云备份', original: 'Huawei Cloud Backups' },
        { value: '筛选备份…', original: 'Filter Backups…' },
      ],
    );
    for (const command of contributes.commands as Array<{ command: string; title: unknown; category: unknown }>) {
      const key = `command.${command.command.replace(/^hwcBackups\./, '')}.title`;
      assert.deepStrictEqual(
        [command.title, command.category],
        [
          { value: zh[key], original: en[key] },
          { value: zh['command.category'], original: en['command.category'] },
        ],
        command.command,
      );
    }
    assert.strictEqual(contributes.configuration.title, zh['configuration.title']);
    assert.strictEqual(contributes.configuration.properties['hwcBackups.services'].items.enumDescriptions[0], 'RDS — 云数据库');
  });

  it('gets the zh-cn bundle for vscode.l10n.t', async () => {
    await extension().activate();
    assert.ok(vscode.l10n.uri, 'no l10n bundle was loaded');
    assert.strictEqual(path.basename(vscode.l10n.uri.path), 'bundle.l10n.zh-cn.json');
  });
});
