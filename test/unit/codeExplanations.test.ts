import * as assert from 'assert';
import { errorSummary } from '../../src/cloud/format';
import type { Backup } from '../../src/cloud/model';
import { backupsToCsv, backupsToJson } from '../../src/domain/exportFormat';
import { backupTooltip, codeWithExplanation } from '../../src/explorer/labels';
import { parseCsv } from '../support/csv';
import { FAILED_DCS_BACKUP } from './detailsFixtures';

/*
 * Issue 9, item 6: wherever a code appears (tooltip, tree error nodes, Show Failed, exports) it
 * carries the table's explanation in English and Chinese; unknown codes stay raw.
 */

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const UNKNOWN: Backup = { ...FAILED_DCS_BACKUP, errorCode: 'dcs.99.9999' };

describe('error code explanations everywhere a code appears (issue 9, item 6)', () => {
  it('the backup tooltip explains a known code in English and Chinese', () => {
    const text = backupTooltip(FAILED_DCS_BACKUP, undefined, NOW);
    assert.ok(text.includes('| Error code | `dcs.08.0002` — The backup or restore timed out. \\(执行超时。\\) |'), text);
  });

  it('the tooltip shows an unknown code raw', () => {
    const text = backupTooltip(UNKNOWN, undefined, NOW);
    assert.ok(text.includes('| Error code | `dcs.99.9999` |'), text);
  });

  it('tree error nodes explain their code (the Markdown the error node tooltip uses)', () => {
    assert.strictEqual(codeWithExplanation('APIGW.0308').startsWith('`APIGW.0308` — Request throttled \\(429\\)'), true);
    assert.ok(codeWithExplanation('APIGW.0308').includes('请求被流控'));
    assert.strictEqual(codeWithExplanation('111400040'), '`111400040`');
  });

  it('Show Failed rows carry the explanation next to the API message', () => {
    assert.strictEqual(
      errorSummary('CSBS.6005', 'Disk is being expanded.'),
      'CSBS.6005 — Disk is being expanded. — The server cannot be backed up in its current state. (云服务器在当前状态下不支持备份。)',
    );
    assert.strictEqual(errorSummary('dcs.99.9999', undefined), 'dcs.99.9999');
  });

  it('CSV and JSON exports carry the explanation of a known code, and none for an unknown one', () => {
    const rows = parseCsv(backupsToCsv([FAILED_DCS_BACKUP, UNKNOWN]).replace(/^\uFEFF/, ''));
    const column = rows[0].indexOf('error_explanation');
    assert.ok(column >= 0, 'error_explanation column');
    assert.strictEqual(rows[1][column], 'The backup or restore timed out. (执行超时。)');
    assert.strictEqual(rows[2][column], '');
    const [known, unknown] = JSON.parse(backupsToJson([FAILED_DCS_BACKUP, UNKNOWN]));
    assert.strictEqual(known.errorExplanation.en, 'The backup or restore timed out.');
    assert.strictEqual(known.errorExplanation.zh, '执行超时。');
    assert.ok(known.errorExplanation.source.includes('DCS'));
    assert.strictEqual(unknown.errorExplanation, undefined);
  });
});
