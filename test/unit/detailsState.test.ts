import * as assert from 'assert';
import { backupFromArgument, instanceFromArgument, parseDetailsState, parseTimelineState } from '../../src/details/state';
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

  it('takes a backup or a tree node carrying one as the openDetails argument', () => {
    assert.strictEqual(backupFromArgument(GES_BACKUP), GES_BACKUP);
    assert.strictEqual(backupFromArgument({ backup: GES_BACKUP, label: 'x' }), GES_BACKUP);
    assert.strictEqual(backupFromArgument({ instance: {} }), undefined);
    assert.strictEqual(backupFromArgument('b1'), undefined);
  });

  it('takes an instance or a tree node carrying one as the showTimeline argument', () => {
    const instance = { service: 'rds', id: 'i1', name: 'orders', raw: {} };
    assert.strictEqual(instanceFromArgument({ instance }), instance);
    assert.strictEqual(instanceFromArgument(instance), instance);
    assert.strictEqual(instanceFromArgument({ service: 'rds' }), undefined);
  });
});
