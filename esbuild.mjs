// Bundles the extension into dist/extension.js, and the panels' webview script into
// media/details.js (generated: the only folder a webview may load from is media/).
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const extension = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
};

const webview = {
  entryPoints: ['src/webview/details.ts'],
  bundle: true,
  outfile: 'media/details.js',
  platform: 'browser',
  target: 'es2020',
  format: 'iife',
  minify: production,
  sourcemap: false,
  logLevel: 'info',
};

for (const options of [extension, webview]) {
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
