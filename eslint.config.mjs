// `npm run lint` (part of `npm test`): the layering rules of the README's architecture notes,
// enforced. `src/cloud/` and the pure modules of the UI folders never import `vscode` (they run in
// unit tests, the emulator and benchmarks without it), and `src/cloud/` never imports the UI
// layers, and no line is longer than 140 characters. Import circles are dependency-cruiser's job
// (.dependency-cruiser.cjs); the formatting is Prettier's (`npm run format`).
import tseslint from 'typescript-eslint';

/** Modules outside src/cloud/ that must stay free of `vscode`: pure logic the UI layers share. */
export const VSCODE_FREE = [
  'src/cloud/**',
  'src/testAccess.ts',
  'src/auth/connectionProfiles.ts',
  'src/auth/failures.ts',
  'src/auth/projectCache.ts',
  'src/auth/requestLog.ts',
  'src/auth/settings.ts',
  'src/auth/validation.ts',
  'src/commands/filterWizard.ts',
  'src/commands/commandArgs.ts',
  'src/commands/commandIds.ts',
  'src/commands/regions.ts',
  'src/commands/restoreMoment.ts',
  'src/commands/timeInput.ts',
  'src/details/detailsError.ts',
  'src/details/fetching.ts',
  'src/details/html/**',
  'src/details/protocol.ts',
  'src/details/state.ts',
  'src/details/timeline/**',
  'src/domain/**',
  'src/explorer/healthMarks.ts',
  'src/explorer/labels.ts',
  'src/explorer/nodes.ts',
  'src/explorer/pagedList.ts',
  'src/explorer/reveal.ts',
  'src/explorer/serviceCounts.ts',
  'src/explorer/storedFilter.ts',
  'src/webview/**',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'media/**', 'scripts/**', '*.mjs'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { project: false } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Prettier formats to 140 columns but cannot break a long string: keep those short by hand too.
    // A translated message must be one string literal (vscode-l10n-dev extracts literals), however long.
    rules: { 'max-len': ['error', { code: 140, ignoreUrls: false, ignoreStrings: true }] },
  },
  {
    files: VSCODE_FREE,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message:
                "This module is vscode-free (see eslint.config.mjs and the README's architecture notes): take what it needs as a parameter.",
            },
          ],
        },
      ],
    },
  },
  {
    // The cloud layer is the bottom layer: it never reaches up into the UI folders either.
    files: ['src/cloud/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/auth/**', '**/explorer/**', '**/details/**', '**/commands/**', '**/domain/**', '**/extension'],
              message: 'src/cloud/ is the bottom layer: the UI layers call it, never the reverse.',
            },
          ],
        },
      ],
    },
  },
);
