import * as assert from 'assert';
import { formatTimeInput, parseTimeInput, validateTimeInput } from '../../src/commands/timeInput';

describe('typed filter times', () => {
  it('reads a date as the whole local day', () => {
    assert.strictEqual(parseTimeInput('2026-11-01', 'start'), new Date(2026, 10, 1, 0, 0, 0, 0).getTime());
    assert.strictEqual(parseTimeInput('2026-11-01', 'end'), new Date(2026, 10, 1, 23, 59, 59, 999).getTime());
  });

  it('reads local date-times with or without seconds, space or T', () => {
    assert.strictEqual(parseTimeInput('2026-11-01 08:00', 'start'), new Date(2026, 10, 1, 8, 0).getTime());
    assert.strictEqual(parseTimeInput('2026-11-01T08:00:30', 'end'), new Date(2026, 10, 1, 8, 0, 30).getTime());
  });

  it('reads ISO 8601 with a zone', () => {
    assert.strictEqual(parseTimeInput('2026-11-01T08:00:00Z', 'start'), Date.UTC(2026, 10, 1, 8));
    assert.strictEqual(parseTimeInput('2026-11-01T08:00:00+0800', 'start'), Date.UTC(2026, 10, 1, 0));
    assert.strictEqual(parseTimeInput('2026-11-01T08:00:00.250+08:00', 'start'), Date.UTC(2026, 10, 1, 0, 0, 0, 250));
  });

  it('rejects impossible and malformed times', () => {
    for (const text of ['2026-02-30', '2026-13-01', '2026-11-01 25:00', 'yesterday', '11/01/2026', '']) {
      assert.strictEqual(parseTimeInput(text, 'start'), undefined, text);
    }
  });

  it('explains invalid input and an end before the start', () => {
    assert.match(validateTimeInput('soon', 'start') ?? '', /not a valid time/);
    assert.match(validateTimeInput('', 'end') ?? '', /Enter the end time/);
    const start = parseTimeInput('2026-11-02', 'start')!;
    assert.match(validateTimeInput('2026-11-01', 'end', start) ?? '', /after the start/);
    assert.strictEqual(validateTimeInput('2026-11-02', 'end', start), undefined, 'same day: end of day is after its start');
  });

  it('formats for pre-filling and reads its own output back', () => {
    const instant = new Date(2026, 10, 1, 8, 5).getTime();
    assert.strictEqual(formatTimeInput(instant), '2026-11-01 08:05');
    assert.strictEqual(parseTimeInput(formatTimeInput(instant), 'start'), instant);
  });
});
