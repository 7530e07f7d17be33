// package.json lists the services for the Settings UI; the registry is the one list. They must
// agree, or a new service would be missing from the settings (or an old one offered for nothing).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SERVICE_IDS, SUPPORTING_ENDPOINTS } from '../../src/cloud/services/registry';
import { COMMANDS } from '../../src/commands/commandIds';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** The English text of a `%key%` placeholder of package.json (package.nls.json). */
const english = (placeholder: string): string =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'))[placeholder.replace(/^%|%$/g, '')];
const property = (key: string) => manifest.contributes.configuration.properties[`hwcBackups.${key}`];

describe('package.json agrees with the service registry', () => {
  it('offers every registered service, in the tree order, in hwcBackups.services', () => {
    assert.deepStrictEqual(property('services').items.enum, [...SERVICE_IDS]);
  });

  it('shows every registered service by default', () => {
    assert.deepStrictEqual(property('services').default, [...SERVICE_IDS]);
    assert.deepStrictEqual([...DEFAULT_SETTINGS.services], [...SERVICE_IDS]);
  });

  it('describes every service it offers in hwcBackups.services', () => {
    assert.strictEqual(property('services').items.enumDescriptions.length, property('services').items.enum.length);
  });

  it('names every endpoint in the endpointTemplate description', () => {
    const described = /`\{service\}` is one of `([^`]+)`/.exec(english(property('endpointTemplate').markdownDescription))?.[1].split(' ');
    assert.deepStrictEqual(described, [...SERVICE_IDS, ...SUPPORTING_ENDPOINTS]);
  });
});

describe('package.json agrees with the command ids', () => {
  it('contributes exactly the commands of COMMANDS', () => {
    const contributed = (manifest.contributes.commands as { command: string }[]).map((entry) => entry.command).sort();
    assert.deepStrictEqual(contributed, Object.values(COMMANDS).sort());
  });

  it('names only known commands in its menus', () => {
    const known = new Set<string>(Object.values(COMMANDS));
    const menus = Object.values(manifest.contributes.menus as Record<string, { command: string }[]>).flat();
    assert.deepStrictEqual(
      menus.map((entry) => entry.command).filter((id) => !known.has(id)),
      [],
    );
  });
});
