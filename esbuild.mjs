// Bundles the extension into dist/extension.js, and the panels' webview script into
// media/details.js (generated: the only folder a webview may load from is media/).
// `--production` minifies; `--watch` rebuilds on change; `--metafile FILE` writes the extension
// bundle's esbuild metafile there (what each input contributes; `npm run bench` reads it).
import { writeFileSync } from 'fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafileAt = process.argv.indexOf('--metafile');
const metafile = metafileAt >= 0 ? process.argv[metafileAt + 1] : undefined;

/**
 * node-fetch 2 parses URLs with Node's own WHATWG URL (`require('url').URL`) and reaches for the
 * `whatwg-url` package only on Node < 7, which no VS Code runs. That fallback would bundle tr46's
 * Unicode tables (about 290 KB with whatwg-url): it is replaced by Node's URL, the one used anyway.
 */
const nodeUrlForWhatwgUrl = {
  name: 'whatwg-url-is-node-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url' }));
    build.onLoad({ filter: /.*/, namespace: 'node-url' }, () => ({
      contents: "module.exports = { URL: require('url').URL };",
      loader: 'js',
    }));
  },
};

const extension = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  plugins: [nodeUrlForWhatwgUrl],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Non-ASCII text (the Chinese error explanations, "—", "…", "·") as UTF-8 bytes, not \uXXXX escapes.
  charset: 'utf8',
  legalComments: 'none',
  metafile: metafile !== undefined,
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
  else {
    const result = await esbuild.build(options);
    if (result.metafile) writeFileSync(metafile, JSON.stringify(result.metafile));
  }
}
