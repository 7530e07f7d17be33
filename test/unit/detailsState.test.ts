import * as assert from 'assert';
import { backupOfNode, instanceOfNode } from '../../src/commands/commandArgs';
import { parseDetailsState, parseTimelineState } from '../../src/details/state';
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
