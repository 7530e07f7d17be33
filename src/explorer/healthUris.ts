import * as vscode from 'vscode';
import { HEALTH_URI_SCHEME, instancePath, servicePath } from './healthMarks';

/** The `resourceUri` of an instance node, which the health badges key on (`hwc-backups:/rds/<id>`). */
export function instanceUri(service: string, instanceId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: HEALTH_URI_SCHEME, path: instancePath(service, instanceId) });
}

/** The `resourceUri` of a service node (`hwc-backups:/rds`): its badge counts its marked instances. */
export function serviceUri(service: string): vscode.Uri {
  return vscode.Uri.from({ scheme: HEALTH_URI_SCHEME, path: servicePath(service) });
}
