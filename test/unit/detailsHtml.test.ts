import * as assert from 'assert';
import type { Backup } from '../../src/cloud/model';
import { renderDetailsHtml, type DetailsPageInput } from '../../src/details/html/details';
import { escapeHtml } from '../../src/details/html/escape';
import { contentSecurityPolicy } from '../../src/details/html/page';
import {
  ALL_SERVICE_BACKUPS,
  DDS_BACKUP,
  FAILED_CSBS_CHECKPOINT,
  FAILED_DCS_BACKUP,
  GES_BACKUP,
  SQLSERVER_BACKUP,
} from './detailsFixtures';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = 'abc123def456';
const NOW = Date.UTC(2026, 10, 21, 6, 2, 14);

const LABELS: Record<Backup['service'], string> = {
  rds: 'RDS — Relational Database',
  dds: 'DDS — Document Database',
  dcs: 'DCS — Distributed Cache (Redis)',
  ges: 'GES — Graph Engine',
  csbs: 'CSBS — Cloud Server Backup',
};

function render(backup: Backup, extra: Partial<DetailsPageInput> = {}): string {
  return renderDetailsHtml({
    backup,
    serviceLabel: LABELS[backup.service],
    fetchedAt: NOW - 3000,
    now: NOW,
    resources: {
      cspSource: CSP_SOURCE,
      nonce: NONCE,
      styles: [`${CSP_SOURCE}/media/details.css`],
      script: `${CSP_SOURCE}/media/details.js`,
    },
    ...extra,
  });
}

/** The HTML of one `<section id=…>`. */
function section(html: string, id: string): string {
  const match = new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html);
  assert.ok(match, `section ${id} present`);
  return match[0];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every start tag in the document (escaped text contains no raw `<`, so these are real tags). */
function startTags(html: string): string[] {
  return html.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

describe('detail panel HTML', () => {
  it('shows identity, status, timing, size and the raw JSON for every service', () => {
    for (const backup of ALL_SERVICE_BACKUPS) {
      const html = render(backup);
      const identity = section(html, 'identity');
      assert.ok(identity.includes(escapeHtml(backup.id)), `${backup.service} id`);
      assert.ok(identity.includes(escapeHtml(backup.name)), `${backup.service} name`);
      assert.ok(identity.includes(escapeHtml(backup.instanceId)), `${backup.service} instance id`);
      assert.ok(identity.includes(escapeHtml(backup.instanceName!)), `${backup.service} instance name`);
      assert.ok(identity.includes(escapeHtml(LABELS[backup.service])), `${backup.service} service`);
      const status = section(html, 'status');
      assert.ok(status.includes(`status-${backup.status}`), `${backup.service} normalised status`);
      assert.ok(status.includes(`<code>${escapeHtml(backup.rawStatus)}</code>`), `${backup.service} raw status`);
      const timing = section(html, 'timing');
      assert.ok(
        timing.includes(new Date(backup.start.instant!).toISOString().slice(0, 19).replace('T', ' ') + ' UTC'),
        `${backup.service} start in UTC`,
      );
      assert.match(section(html, 'size'), /Size/);
      assert.ok(section(html, 'raw').includes(escapeHtml(JSON.stringify(backup.raw, null, 2))), `${backup.service} raw JSON`);
      assert.match(html, new RegExp(`<title>${escapeHtml(backup.name)}</title>`));
      assert.match(html, /data-action="copyId"/);
      assert.match(html, /data-action="copyJson"/);
      assert.match(html, /data-action="refresh"/);
      assert.match(html, /data-action="reveal"/);
    }
  });

  it('explains the failed DCS backup error code in English and Chinese, with its progress and window', () => {
    const html = render(FAILED_DCS_BACKUP);
    const status = section(html, 'status');
    assert.match(status, /<code>dcs\.08\.0002<\/code>/);
    assert.match(status, /timed out/);
    assert.match(status, /执行超时/);
    assert.match(status, /35\.00 %/);
    assert.match(status, /status-failed/);
    const specific = section(html, 'service-specific');
    assert.match(specific, /Backup window<\/dt><dd>22:00-23:00/);
    assert.match(specific, /Restore supported<\/dt><dd>false/);
    assert.match(specific, /Remark<\/dt><dd><span class="muted">null/);
  });

  it('lists the databases of a SQL Server backup, with its datastore', () => {
    const html = render(SQLSERVER_BACKUP);
    const databases = section(html, 'databases');
    assert.match(databases, /Databases \(2\)/);
    assert.match(databases, /<li>user01<\/li><li>user02<\/li>/);
    const datastore = section(html, 'datastore');
    assert.match(datastore, /Engine<\/dt><dd>SQLServer/);
    assert.match(datastore, /Version<\/dt><dd>2014_WEB/);
    assert.match(section(html, 'size'), /2\.7 MB/);
    assert.match(section(html, 'size'), /2803 kB/);
    assert.match(section(html, 'timing'), /Duration<\/dt><dd>2 min/);
  });

  it('shows the GES graph, architecture and engine version', () => {
    const html = render(GES_BACKUP);
    assert.match(section(html, 'identity'), /Instance<\/dt><dd>ges060803_nodelete/);
    const specific = section(html, 'service-specific');
    assert.match(specific, /CPU architecture<\/dt><dd>x86_64/);
    assert.match(specific, /Backup duration \(s\)<\/dt><dd>54/);
    assert.match(section(html, 'datastore'), /Version<\/dt><dd>2\.2\.21/);
  });

  it('shows the DDS datastore, mode and description', () => {
    const html = render(DDS_BACKUP);
    assert.match(section(html, 'datastore'), /Engine<\/dt><dd>DDS-Community/);
    const specific = section(html, 'service-specific');
    assert.match(specific, /Instance mode<\/dt><dd>Sharding/);
    assert.match(specific, /Description<\/dt><dd>backup description/);
  });

  it('shows the CSBS resource and fail reason, with the fail code explained', () => {
    const html = render(FAILED_CSBS_CHECKPOINT);
    const status = section(html, 'status');
    assert.match(status, /Failure reason<\/dt><dd>No volume attached to the server for protect\./);
    assert.match(status, /<code>CSBS\.6007<\/code>/);
    assert.match(status, /没有云硬盘的云服务器不支持备份/);
    assert.match(section(html, 'identity'), /Instance<\/dt><dd>web-01/);
    const specific = section(html, 'service-specific');
    assert.match(specific, /Resource type<\/dt><dd>OS::Nova::Server/);
    assert.match(section(html, 'size'), /not given by the API/);
    assert.match(section(html, 'timing'), /End<\/dt><dd><span class="muted">not given/);
  });

  it('lists raw fields no section shows, so nothing the API sent is lost', () => {
    const ges = section(render(GES_BACKUP), 'other-fields');
    assert.match(ges, /<dt>startTime<\/dt><dd>2021-06-08T13:55:13/);
    assert.match(ges, /<dt>endTime<\/dt><dd>2021-06-08T13:56:08/);
    assert.ok(!/<dt>graphName<\/dt>/.test(ges), 'shown fields are not repeated');
    const csbs = section(render(FAILED_CSBS_CHECKPOINT), 'other-fields');
    assert.match(csbs, /<dt>extend_info\.auto_trigger<\/dt><dd>false/);
    const dcs = section(render(FAILED_DCS_BACKUP), 'other-fields');
    assert.match(dcs, /<dt>is_support_restore<\/dt><dd>FALSE/);
  });

  it('shows an unknown error code raw with a note', () => {
    const html = render({ ...FAILED_DCS_BACKUP, errorCode: 'dcs.99.1234' });
    assert.match(section(html, 'status'), /<code>dcs\.99\.1234<\/code> <span class="muted">— not in the extension&#39;s table/);
  });

  it('shows a failed refresh inline, above the last good data', () => {
    const html = render(SQLSERVER_BACKUP, {
      error: { code: 'APIGW.0308', message: 'The throttling threshold has been reached', requestId: 'req-42', status: 429, at: NOW - 1000 },
    });
    const banner = section(html, 'refresh-error');
    assert.match(banner, /role="alert"/);
    assert.match(banner, /The throttling threshold has been reached/);
    assert.match(banner, /APIGW\.0308/);
    assert.match(banner, /429/);
    assert.match(banner, /<code>req-42<\/code>/);
    assert.match(section(html, 'databases'), /user01/);
  });

  it('says when the data was fetched', () => {
    const html = render(SQLSERVER_BACKUP);
    assert.match(html, new RegExp(`data-fetched-at="${NOW - 3000}"`));
    assert.match(html, /<span class="age">3 s ago<\/span>/);
  });

  it('keeps the backup in data-state for the serializer', () => {
    const html = render(FAILED_DCS_BACKUP);
    const attribute = /<main id="details" data-state="([^"]*)"/.exec(html)![1];
    const state = JSON.parse(decodeEntities(attribute));
    assert.strictEqual(state.kind, 'details');
    assert.deepStrictEqual(state.backup, JSON.parse(JSON.stringify(FAILED_DCS_BACKUP)));
    assert.strictEqual(state.fetchedAt, NOW - 3000);
  });

  describe('security', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const scriptBreak = '</script><script>alert(2)</script>';
    const evil: Backup = {
      ...FAILED_DCS_BACKUP,
      id: `id"${hostile}`,
      name: hostile,
      instanceName: scriptBreak,
      rawStatus: `"><svg onload=alert(3)>`,
      errorCode: hostile,
      errorMessage: scriptBreak,
      extras: { remark: hostile, [`<b onclick=x>`]: scriptBreak },
      databases: [hostile],
      datastore: { type: scriptBreak, version: hostile },
      raw: { backup_name: hostile, remark: scriptBreak, [`</script>`]: `<img src=x onerror=alert(1)>` },
    };
    const html = render(evil, { error: { code: hostile, message: scriptBreak, requestId: hostile, at: NOW } });

    it('renders names, messages and raw JSON as text, never markup', () => {
      assert.ok(!html.includes('<img'), 'no img element');
      assert.ok(!html.includes('<svg onload'), 'no svg element');
      assert.ok(!html.includes('<b onclick'), 'no b element');
      assert.ok(html.includes(escapeHtml(hostile)), 'the name is shown escaped');
      assert.strictEqual((html.match(/<script/g) ?? []).length, 1, 'only our own script tag');
      assert.strictEqual((html.match(/<\/script>/g) ?? []).length, 1, 'no early end of script');
      const raw = section(html, 'raw');
      assert.ok(raw.includes('&lt;/script&gt;'), 'raw JSON keys escaped');
      assert.ok(raw.includes('&lt;img src=x onerror=alert(1)&gt;'), 'raw JSON values escaped');
    });

    it('has no inline event handlers, inline styles or style elements', () => {
      for (const tag of startTags(html)) {
        // Attribute values are data; only attribute names can be handlers or styles.
        const names = tag.replace(/"[^"]*"/g, '""');
        assert.ok(!/\son[a-z]+\s*=/i.test(names), `inline handler in ${tag}`);
        assert.ok(!/\sstyle\s*=/i.test(names), `inline style in ${tag}`);
      }
      assert.ok(!/<style/i.test(html));
      assert.ok(!/javascript:/i.test(html));
    });

    it('sets exactly the strict Content-Security-Policy, and the only script carries the nonce', () => {
      const expected =
        `default-src 'none'; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; img-src ${CSP_SOURCE} data:; script-src ` +
        `'nonce-${NONCE}'`;
      assert.strictEqual(contentSecurityPolicy(CSP_SOURCE, NONCE), expected);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      assert.ok(meta);
      assert.strictEqual(decodeEntities(meta[1]), expected);
      assert.match(html, new RegExp(`<script nonce="${NONCE}" src="${CSP_SOURCE.replace(/[.+]/g, '\\$&')}/media/details\\.js"></script>`));
    });

    it('loads styles only from the webview resource origin', () => {
      const links = startTags(html).filter((tag) => tag.startsWith('<link'));
      assert.ok(links.length >= 1);
      for (const link of links) assert.ok(link.includes(`href="${CSP_SOURCE}/`), link);
    });
  });
});
