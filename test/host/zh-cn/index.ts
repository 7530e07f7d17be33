// Entry point for a workbench whose display language is zh-cn (runTests.ts starts code-server
// with a stub zh-cn language pack for it): runs out/test/host/zh-cn/suite/**/*.test.js.
import * as path from 'path';
import { runSuites } from '../index';

export async function run(): Promise<void> {
  await runSuites(path.join(__dirname, 'suite'));
}
