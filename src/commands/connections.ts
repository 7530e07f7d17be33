import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { listText } from '../cloud/format';
import { DEFAULT_CONNECTION_ID, regionsOf, type ConnectionProfile } from '../auth/connectionProfiles';
import { MAX_CREDENTIAL_FILE_BYTES, readCredentialSources, type CandidateConnection } from '../cloud/credentialFiles';
import type { Credentials } from '../cloud/signing/signer';
import { describeError } from '../domain/errorText';
import { connectionIdOfNode } from './commandArgs';
import { askCredentials } from './credentials';
import { pickStep } from './quickInput';
import { regionNames, REGIONS } from './regions';

/*
 * Add Connection…, Import Connections…, Remove Connection and Show or Hide Regions… (SPEC §2).
 * Keys go to SecretStorage only (auth/connectionProfiles.ts); names, regions and project ids to
 * globalState. The tree rebuilds itself after each change (CloudConnection.updateConnections).
 */

export async function addConnection(connection: CloudConnection): Promise<void> {
  const taken = new Set(connection.profiles.list().map((profile) => profile.name));
  const name = (
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Add Connection'),
      prompt: vscode.l10n.t('A name for this connection, e.g. production or staging'),
      ignoreFocusOut: true,
      validateInput: (value) =>
        !value.trim()
          ? vscode.l10n.t('Enter a name.')
          : taken.has(value.trim())
            ? vscode.l10n.t('A connection named "{0}" exists already.', value.trim())
            : undefined,
    })
  )?.trim();
  if (!name) return;
  const credentials = await askCredentials(vscode.l10n.t('Keys of connection "{0}"', name));
  if (!credentials) return;
  const regions = await pickRegions(name, [connection.settings().region]);
  if (!regions) return;
  if (!(await confirmKeysWork(connection, credentials, regions[0]))) return;
  await connection.updateConnections((profiles) => profiles.add(name, credentials, regions));
  void vscode.window.showInformationMessage(vscode.l10n.t('Connection "{0}" added: {1}.', name, listText(regions)));
}

/** One IAM look-up in the connection's first region; a failure lets the person keep the keys anyway. */
async function confirmKeysWork(connection: CloudConnection, credentials: Credentials, region: string): Promise<boolean> {
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the keys in {0}…', region), cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return connection.probeSession(credentials, region).project(abort.signal);
      },
    );
    return true;
  } catch (error) {
    const keep = vscode.l10n.t('Keep Anyway');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Huawei Cloud did not confirm these credentials.'),
      { modal: true, detail: describeError(error) },
      keep,
    );
    return choice === keep;
  }
}

/** Multi-select of the known regions (English and Chinese names), with any region already shown. */
async function pickRegions(connectionName: string, current: readonly string[]): Promise<string[] | undefined> {
  type RegionItem = vscode.QuickPickItem & { readonly regionId: string };
  const known = new Set(REGIONS.map((region) => region.id));
  const items: RegionItem[] = [
    ...current.filter((id) => !known.has(id)).map((id) => ({ regionId: id, label: id, description: vscode.l10n.t('custom region') })),
    ...REGIONS.map((region) => ({ regionId: region.id, label: region.id, description: regionNames(region.id) })),
  ];
  const result = await pickStep({
    title: vscode.l10n.t('Regions of "{0}"', connectionName),
    placeholder: vscode.l10n.t('Regions to show (type to filter by id or name)'),
    items,
    canSelectMany: true,
    matchOnDescription: true,
    selected: items.filter((item) => current.includes(item.regionId)),
  });
  if (result.kind !== 'value') return undefined;
  return result.value.map((item) => item.regionId);
}

export async function selectRegions(connection: CloudConnection, node?: unknown): Promise<void> {
  const profile = await pickConnection(connection, connectionIdOfNode(node), vscode.l10n.t('Show or Hide Regions'));
  if (!profile) return;
  const settingsRegion = connection.settings().region;
  const regions = await pickRegions(profile.name, regionsOf(profile, settingsRegion));
  if (!regions) return;
  // The default connection showing just hwcBackups.region goes back to following that setting.
  const follows = profile.id === DEFAULT_CONNECTION_ID && regions.length === 1 && regions[0] === settingsRegion;
  await connection.updateConnections((profiles) => profiles.update(profile.id, { regions: follows ? undefined : regions }));
}

/**
 * Show or Hide Connections…: which connections the tree and every search cover, so switching from
 * production to staging is two ticks. A hidden connection keeps its regions and its keys.
 */
export async function selectConnections(connection: CloudConnection): Promise<void> {
  const profiles = connection.profiles.list();
  const settingsRegion = connection.settings().region;
  const defaultHasKeys = (await connection.credentialSource()) !== undefined;
  const items = profiles.map((profile) => ({
    profile,
    label: profile.name,
    description: listText(regionsOf(profile, settingsRegion)) || vscode.l10n.t('no region shown'),
    detail:
      profile.id === DEFAULT_CONNECTION_ID && !defaultHasKeys ? vscode.l10n.t('no keys yet: Set Credentials… gives it some') : undefined,
  }));
  const result = await pickStep({
    title: vscode.l10n.t('Show or Hide Connections'),
    placeholder: vscode.l10n.t('Connections to show in the tree and to search'),
    items,
    canSelectMany: true,
    selected: items.filter((item) => !item.profile.hidden),
  });
  if (result.kind !== 'value') return;
  const shown = new Set(result.value.map((item) => item.profile.id));
  if (shown.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Keep at least one connection shown; nothing changed.'));
    return;
  }
  // A connection to change is one hidden now and ticked, or shown now and unticked.
  const changed = profiles.filter((profile) => (profile.hidden ?? false) === shown.has(profile.id));
  if (!changed.length) return;
  await connection.updateConnections(async (store) => {
    for (const profile of changed) await store.update(profile.id, { hidden: shown.has(profile.id) ? undefined : true });
  });
}

export async function renameConnection(connection: CloudConnection, node?: unknown): Promise<void> {
  const profile = await pickConnection(connection, connectionIdOfNode(node), vscode.l10n.t('Rename Connection'));
  if (!profile) return;
  const taken = new Set(
    connection.profiles
      .list()
      .filter((other) => other.id !== profile.id)
      .map((other) => other.name),
  );
  const name = (
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Rename Connection'),
      value: profile.name,
      validateInput: (value) =>
        !value.trim()
          ? vscode.l10n.t('Enter a name.')
          : taken.has(value.trim())
            ? vscode.l10n.t('A connection named "{0}" exists already.', value.trim())
            : undefined,
    })
  )?.trim();
  if (!name || name === profile.name) return;
  // The id (and so the keys' entry and tree ids) stays; only the shown name changes.
  await connection.updateConnections((profiles) => profiles.update(profile.id, { name }));
}

export async function removeConnection(connection: CloudConnection, node?: unknown): Promise<void> {
  const profile = await pickConnection(connection, connectionIdOfNode(node), vscode.l10n.t('Remove Connection'), true);
  if (!profile) return;
  if (profile.id === DEFAULT_CONNECTION_ID) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The default connection uses the keys of Set Credentials…; Forget Credentials removes them.'),
    );
    return;
  }
  const remove = vscode.l10n.t('Remove');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the connection "{0}"?', profile.name),
    { modal: true, detail: vscode.l10n.t("Its keys are deleted from VS Code's secret storage.") },
    remove,
  );
  if (choice !== remove) return;
  await connection.updateConnections((profiles) => profiles.remove(profile.id));
}

async function pickConnection(
  connection: CloudConnection,
  id: string | undefined,
  title: string,
  othersOnly = false,
): Promise<ConnectionProfile | undefined> {
  const profiles = connection.profiles.list().filter((profile) => !othersOnly || profile.id !== DEFAULT_CONNECTION_ID);
  if (id) return profiles.find((profile) => profile.id === id);
  if (profiles.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no connection besides the default one. Add Connection… adds one.'));
    return undefined;
  }
  if (profiles.length === 1) return profiles[0];
  const settingsRegion = connection.settings().region;
  const picked = await vscode.window.showQuickPick(
    profiles.map((profile) => ({ profile, label: profile.name, description: listText(regionsOf(profile, settingsRegion)) })),
    { title, placeHolder: vscode.l10n.t('Connection') },
  );
  return picked?.profile;
}

/** What Import Connections… asks the person; the host tests answer with a script (testAccess.ts). */
export interface ImportAnswers {
  /** Problems found in the files, one line each with file and line; read (closed) before the pick. */
  showProblems(lines: readonly string[]): Promise<void> | void;
  pick(candidates: readonly CandidateConnection[], taken: ReadonlySet<string>): Promise<readonly CandidateConnection[] | undefined>;
  consentToCopyKeys(names: readonly string[]): Promise<boolean>;
  /** Keys for a candidate whose file holds them encrypted (KooCLI's default). */
  keysFor(candidate: CandidateConnection): Promise<Credentials | undefined>;
  /** Regions for a candidate whose file names none (the SDK credentials file never does). */
  regionsFor(candidate: CandidateConnection, defaults: readonly string[]): Promise<readonly string[] | undefined>;
  report(message: string): void;
}

export interface ImportSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
}

/**
 * Import Connections…: the SDK credentials file and KooCLI's profiles, read as Huawei's own tools
 * read them. Plain keys are imported only with the person's consent; KooCLI's encrypted keys are
 * asked for. Problems in a file are shown with the file and line, and what was skipped says so.
 * Returns the names imported.
 */
export async function importConnections(
  connection: CloudConnection,
  answers: ImportAnswers = INTERACTIVE_ANSWERS,
  from: ImportSources = { env: process.env, homeDir: os.homedir() },
): Promise<string[]> {
  const sources = await readCredentialSources(from.env, from.homeDir, readCappedTextFile);
  if (sources.problems.length) {
    // Each message names its file, and the line or field where there is one.
    await answers.showProblems(sources.problems.map((problem) => problem.message));
  }
  if (sources.candidates.length === 0) {
    answers.report(vscode.l10n.t('No connections found in {0} or {1}.', sources.sdkCredentialsFile.file, sources.kooCli.file));
    return [];
  }
  const taken = new Set(connection.profiles.list().map((profile) => profile.name));
  const picked = await answers.pick(sources.candidates, taken);
  if (!picked?.length) return [];
  const plain = picked.filter((candidate) => candidate.credentials);
  if (plain.length && !(await answers.consentToCopyKeys(plain.map((candidate) => candidate.name)))) return [];
  const imported: string[] = [];
  const skipped: string[] = [];
  for (const candidate of picked) {
    const name = await importOne(connection, candidate, taken, answers);
    if (name) imported.push(name);
    else skipped.push(candidate.name);
  }
  answers.report(
    skipped.length
      ? vscode.l10n.t('Imported {0}; skipped {1}.', listText(imported) || '—', listText(skipped))
      : vscode.l10n.t('Imported {0}.', listText(imported)),
  );
  return imported;
}

const INTERACTIVE_ANSWERS: ImportAnswers = {
  async showProblems(lines) {
    await vscode.window.showWarningMessage(vscode.l10n.t('Some entries could not be read and are not offered for import:'), {
      modal: true,
      detail: lines.join('\n'),
    });
  },
  async pick(candidates, taken) {
    const picked = await vscode.window.showQuickPick(
      candidates.map((candidate) => ({
        candidate,
        label: candidate.name,
        description: candidate.file,
        detail: [
          candidate.regions.length ? listText(candidate.regions) : vscode.l10n.t('no region given'),
          candidate.keysEncrypted ? vscode.l10n.t('keys encrypted by KooCLI: you will be asked for them') : undefined,
          taken.has(candidate.name) ? vscode.l10n.t('a connection of this name exists') : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
        picked: !taken.has(candidate.name),
      })),
      { title: vscode.l10n.t('Import Connections'), canPickMany: true, placeHolder: vscode.l10n.t('Connections to import') },
    );
    return picked?.map((item) => item.candidate);
  },
  async consentToCopyKeys(names) {
    const importKeys = vscode.l10n.t('Import Keys');
    const consent = await vscode.window.showWarningMessage(
      vscode.l10n.t("Copy the keys of {0} into VS Code's secret storage?", listText(names)),
      { modal: true, detail: vscode.l10n.t('They stay in their file too; the extension never writes them anywhere else.') },
      importKeys,
    );
    return consent === importKeys;
  },
  async keysFor(candidate) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('KooCLI keeps the keys of "{0}" encrypted with a key of this machine: enter them to import it.', candidate.name),
    );
    return askCredentials(vscode.l10n.t('Keys of connection "{0}"', candidate.name));
  },
  regionsFor: (candidate, defaults) => pickRegions(candidate.name, defaults),
  report(message) {
    void vscode.window.showInformationMessage(message);
  },
};

async function importOne(
  connection: CloudConnection,
  candidate: CandidateConnection,
  taken: Set<string>,
  answers: ImportAnswers,
): Promise<string | undefined> {
  const credentials = candidate.credentials ?? (await answers.keysFor(candidate));
  if (!credentials) return undefined;
  const regions = candidate.regions.length ? candidate.regions : await answers.regionsFor(candidate, [connection.settings().region]);
  if (!regions?.length) return undefined;
  const projectIds =
    candidate.projectId && regions.length === 1 ? { [regions[0]]: candidate.projectId, ...candidate.projectIds } : candidate.projectIds;
  let name = candidate.name;
  for (let n = 2; taken.has(name); n++) name = `${candidate.name} (${n})`;
  taken.add(name);
  await connection.updateConnections((profiles) => profiles.add(name, credentials, regions, projectIds));
  return name;
}

/** Reads a credentials file, refusing one larger than any real one before reading it. */
async function readCappedTextFile(file: string): Promise<string> {
  const stat = await fs.promises.stat(file);
  if (stat.size > MAX_CREDENTIAL_FILE_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
  return fs.promises.readFile(file, 'utf8');
}
