// The messages between the panels' webview script and the extension (src/details/protocol.ts).
import * as assert from 'assert';
import { isHostMessage, isPanelMessage, PANEL_ACTIONS, shortAge } from '../../src/details/protocol';

describe('panel protocol', () => {
  it('accepts every action the script can send, with or without a backup id', () => {
    for (const type of PANEL_ACTIONS) assert.ok(isPanelMessage({ type }), type);
    assert.ok(isPanelMessage({ type: 'open', backupId: 'b1' }));
  });

  it('refuses anything else that crosses the boundary', () => {
    for (const message of [undefined, null, 'refresh', {}, { type: 'delete' }, { type: 'open', backupId: 42 }]) {
      assert.strictEqual(isPanelMessage(message), false, JSON.stringify(message));
    }
    assert.ok(isHostMessage({ type: 'busy' }));
    assert.strictEqual(isHostMessage({ type: 'refresh' }), false);
  });

  it('words ages the same on both sides: seconds, then minutes, then hours', () => {
    assert.strictEqual(shortAge(3_400), '3 s ago');
    assert.strictEqual(shortAge(-5), '0 s ago');
    assert.strictEqual(shortAge(125_000), '2 min ago');
    assert.strictEqual(shortAge(7_300_000), '2 h ago');
  });
});
