import * as vscode from 'vscode';
import { connectionPath, HEALTH_URI_SCHEME, instancePath, scopePath, servicePath } from './healthMarks';

// The `resourceUri`s the health badges key on (healthMarks.ts): the label stays as set.
const uri = (path: string) => vscode.Uri.from({ scheme: HEALTH_URI_SCHEME, path });

/** An instance node's: `hwc-backups:/<connection>/<region>/rds/<id>`. */
export function instanceUri(scopeKey: string, service: string, instanceId: string): vscode.Uri {
  return uri(instancePath(scopeKey, service, instanceId));
}

/** A service node's: its badge counts its marked instances. */
export function serviceUri(scopeKey: string, service: string): vscode.Uri {
  return uri(servicePath(scopeKey, service));
}

/** A region node's (one connection in one region). */
export function scopeUri(scopeKey: string): vscode.Uri {
  return uri(scopePath(scopeKey));
}

export function connectionUri(connectionId: string): vscode.Uri {
  return uri(connectionPath(connectionId));
}
