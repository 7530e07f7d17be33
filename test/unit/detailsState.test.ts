import * as assert from 'assert';
import { backupOfNode, instanceOfNode } from '../../src/commands/commandArgs';
import { parseDetailsState, parseHealthState, parseRestorePointState, parseTimelineState } from '../../src/details/state';
import { FAILED_DCS_BACKUP, GES_BACKUP } from './detailsFixtures';

describe('detail panel state and arguments', () => {
  it('accepts the state the webview saved, after a JSON round trip', () => {
    const saved = JSON.parse(JSON.stringify({ kind: 'details', backup: FAILED_DCS_BACKUP, fetchedAt: 1234 }));
    const state = parseDetailsState(saved);
    assert.ok(state);
    assert.strictEqual(state.backup.id, FAILED_DCS_BACKUP.id);
    assert.strictEqual(state.fetchedAt, 1234);
  });

  it('rejects states of another kind or without a usable backup', () => {
    assert.strictEqual(parseDetailsState(undefined), undefined);
    assert.strictEqual(parseDetailsState({ kind: 'timeline', backup: FAILED_DCS_BACKUP }), undefined);
    assert.strictEqual(parseDetailsState({ kind: 'details', backup: { ...FAILED_DCS_BACKUP, service: 'ecs' } }), undefined);
    assert.strictEqual(parseDetailsState({ kind: 'details', backup: { ...FAILED_DCS_BACKUP, id: '' } }), undefined);
  });

  it('reads a timeline state, defaulting the name and dropping a malformed range', () => {
    assert.deepStrictEqual(parseTimelineState({ kind: 'timeline', instance: { service: 'ges', id: 'g1' }, fixedRange: { from: 'x' } }), {
      kind: 'timeline',
      instance: { service: 'ges', id: 'g1', name: 'g1' },
      fixedRange: undefined,
    });
    assert.strictEqual(parseTimelineState({ kind: 'timeline', instance: { service: 'nope', id: 'g1' } }), undefined);
  });

  it('keeps the scope a timeline or restore point was read in, so a reload reads the same connection and region', () => {
    const timeline = parseTimelineState({
      kind: 'timeline',
      instance: { service: 'rds', id: 'r1', name: 'hk-orders' },
      scopeKey: 'prod/ap-southeast-1',
    });
    assert.strictEqual(timeline?.scopeKey, 'prod/ap-southeast-1');
    const saved = JSON.parse(
      JSON.stringify({
        kind: 'restorePoint',
        instance: { service: 'rds', id: 'r1', name: 'hk-orders' },
        moment: 1_790_000_000_000,
        scopeKey: 'prod/ap-southeast-1',
      }),
    );
    assert.deepStrictEqual(parseRestorePointState(saved), saved);
    const { scopeKey: _ignored, ...unscoped } = saved as { scopeKey: string };
    assert.deepStrictEqual(parseRestorePointState(unscoped), unscoped, 'the default scope: no key at all');
  });

  it('rejects a restore point without a moment or a known service, and a health state of another kind', () => {
    const instance = { service: 'rds', id: 'r1' };
    assert.strictEqual(parseRestorePointState({ kind: 'restorePoint', instance, moment: 'yesterday' }), undefined);
    assert.strictEqual(parseRestorePointState({ kind: 'restorePoint', instance: { service: 'ecs', id: 'x' }, moment: 1 }), undefined);
    assert.strictEqual(parseRestorePointState({ kind: 'timeline', instance, moment: 1 }), undefined);
    assert.deepStrictEqual(parseRestorePointState({ kind: 'restorePoint', instance, moment: 1 })?.instance, {
      service: 'rds',
      id: 'r1',
      name: 'r1',
    });
    assert.deepStrictEqual(parseHealthState({ kind: 'health' }), { kind: 'health' });
    assert.strictEqual(parseHealthState({ kind: 'details' }), undefined);
    assert.strictEqual(parseHealthState(null), undefined);
  });

  it('reads a command argument only as a tree node: { backup } or { instance }, checked', () => {
    assert.strictEqual(backupOfNode({ backup: GES_BACKUP, label: 'x' }), GES_BACKUP);
    // A bare Backup, a node of the other kind, a malformed node and text are not nodes.
    assert.strictEqual(backupOfNode(GES_BACKUP), undefined);
    assert.strictEqual(backupOfNode({ instance: {} }), undefined);
    assert.strictEqual(backupOfNode({ backup: { ...GES_BACKUP, service: 'ecs' } }), undefined);
    assert.strictEqual(backupOfNode('b1'), undefined);
    const instance = { service: 'rds', id: 'i1', name: 'orders', raw: {} };
    assert.strictEqual(instanceOfNode({ instance }), instance);
    assert.strictEqual(instanceOfNode(instance), undefined);
    assert.strictEqual(instanceOfNode({ instance: { service: 'rds' } }), undefined);
    assert.strictEqual(instanceOfNode(undefined), undefined);
  });
});
