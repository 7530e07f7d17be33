// The demo data set's health findings, shared by the cloud tests (test/cloud/domain.test.ts) and
// the real-host suite (test/host/suite/health.test.ts).

/**
 * At NOW, the demo data set's findings. Planted for the health report: payments-mysql's size drop,
 * billing-pg's failed incremental (the broken chain), kg-archive (stale), ledger-redis (403). The
 * rest are the records planted earlier to cover every status: their failed backups in the last 7
 * days, their backups still running since yesterday (long-running), and the instances whose only
 * newer automatic backup is that running one (stale).
 */
export const EXPECTED_FINDINGS: readonly string[] = [
  'cbr vault-prod-servers failed autobk_4dec',
  'cbr vault-prod-servers failed autobk_b9a4',
  'cbr vault-prod-servers longRunning autobk_21cb',
  'cbr vault-prod-servers longRunning autobk_eb0a',
  'cbr vault-prod-servers stale',
  'csbs batch-worker failed autobk_8907',
  'csbs db-bastion longRunning autobk_a028',
  'csbs web-01 failed autobk_433b',
  'csbs web-01 longRunning autobk_4334',
  'csbs web-02 failed autobk_f73f',
  'dcs ledger-redis unscannable',
  'dcs sessions-redis failed backup_20261114220041',
  'dcs sessions-redis failed backup_20261117220034',
  'dcs sessions-redis longRunning backup_20261119220030',
  'dcs sessions-redis stale',
  'dds catalog-mongo failed catalog-mongo-20261114200250',
  'dds catalog-mongo longRunning catalog-mongo-20261120200707',
  'dds catalog-mongo stale',
  'dds events-replica failed events-replica-20261116200419',
  'ges kg-archive stale',
  'ges social-graph failed social-graph-20261116030000',
  'ges social-graph failed social-graph_20261118010003_auto',
  'ges social-graph longRunning social-graph_20261121010129_auto',
  'rds billing-pg failed billing-pg-20261120220000',
  'rds orders-mysql failed pre-migration',
  'rds orders-mysql longRunning orders-mysql-20261120180402',
  'rds orders-mysql stale',
  'rds payments-mysql sizeDrop payments-mysql-20261115180439',
  'rds reporting-sqlserver failed reporting-sqlserver-20261119060000',
];

/** The same without backup names (they hold dates, which move with the data set's anchor): `rds billing-pg failed`. */
export function findingsWithoutBackupNames(lines: readonly string[]): string[] {
  return [...new Set(lines.map((line) => line.split(' ').slice(0, 3).join(' ')))].sort();
}
