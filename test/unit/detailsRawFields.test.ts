import * as assert from 'assert';
import { rawLeaves, uncoveredLeaves } from '../../src/details/html/rawFields';

describe('detail panel raw fields', () => {
  it('flattens nested objects and arrays into dotted paths, keeping empty containers', () => {
    assert.deepStrictEqual(rawLeaves({ a: 1, b: { c: [{ d: 'x' }, 'y'] }, e: [], f: {}, g: null }), [
      { path: 'a', value: 1 },
      { path: 'b.c[0].d', value: 'x' },
      { path: 'b.c[1]', value: 'y' },
      { path: 'e', value: '[]' },
      { path: 'f', value: '{}' },
      { path: 'g', value: null },
    ]);
  });

  it('lists the scalars no shown value accounts for, one scalar per shown value', () => {
    const raw = { id: 'b1', copy: 'b1', note: 'hello' };
    assert.deepStrictEqual(uncoveredLeaves(raw, [{ value: 'b1' }]), [
      { path: 'copy', value: 'b1' },
      { path: 'note', value: 'hello' },
    ]);
  });

  it('attributes a keyed value to the field of that name before any other with the same value', () => {
    const raw = { extend_info: { auto_trigger: true, incremental: true, size: 0, ratio: 0 } };
    const left = uncoveredLeaves(raw, [{ key: 'incremental', value: true }, { value: 0 }]);
    assert.deepStrictEqual(
      left.map((leaf) => leaf.path),
      ['extend_info.auto_trigger', 'extend_info.ratio'],
    );
  });
});
