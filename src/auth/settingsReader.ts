import * as vscode from 'vscode';
import type { CloudSettings } from '../cloud/settings';
import { readCloudSettings, readHealthSettings, type HealthSettings, type RawSettings } from './settings';

const KEYS: ReadonlyArray<keyof CloudSettings> = [
  'region',
  'projectId',
  'endpointTemplate',
  'endpoints',
  'services',
  'pageSize',
  'requestTimeoutSeconds',
  'maxRetries',
  'consoleHost',
];

/**
 * Reads the `hwcBackups.*` settings (readCloudSettings corrects bad values) and logs what it had
 * to correct, each distinct set of problems once rather than on every read.
 */
export class SettingsReader {
  private reportedProblems = '';
  private reportedHealthProblems = '';

  constructor(private readonly log: vscode.LogOutputChannel) {}

  read(): CloudSettings {
    const config = vscode.workspace.getConfiguration('hwcBackups');
    const raw: RawSettings = Object.fromEntries(KEYS.map((key) => [key, config.get(key)]));
    const { settings, problems } = readCloudSettings(raw);
    const summary = problems.join(' ');
    if (summary && summary !== this.reportedProblems) problems.forEach((problem) => this.log.warn(problem));
    this.reportedProblems = summary;
    return settings;
  }

  /** `hwcBackups.health.*`, corrected and logged like the rest. */
  readHealth(): HealthSettings {
    const config = vscode.workspace.getConfiguration('hwcBackups.health');
    const { settings, problems } = readHealthSettings({
      maxBackupAgeHours: config.get('maxBackupAgeHours'),
      decorateTree: config.get('decorateTree'),
    });
    const summary = problems.join(' ');
    if (summary && summary !== this.reportedHealthProblems) problems.forEach((problem) => this.log.warn(problem));
    this.reportedHealthProblems = summary;
    return settings;
  }
}
