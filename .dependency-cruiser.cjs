// Part of `npm run lint`: no module of src/ reaches itself again through its imports, type-only
// imports included (eslint's import-x/no-cycle skips those; a circle of types still ties modules
// together for the next reader).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'http-below-services',
      severity: 'error',
      comment: 'HTTP and signing are the lowest layer: services, schemas and normalisation build on them, never the reverse.',
      from: { path: '^src/cloud/(http|signing)/' },
      to: { path: '^src/cloud/(services|schemas|normalize)/' },
    },
    {
      name: 'domain-below-ui',
      severity: 'error',
      comment:
        'src/domain/ holds the rules the tree, panels and commands share: it may use src/cloud/, never a UI folder (README, architecture notes).',
      from: { path: '^src/domain/' },
      to: { path: '^src/(explorer|details|commands|auth|webview)/|^src/extension' },
    },
    {
      name: 'cloud-below-domain',
      severity: 'error',
      comment: 'src/cloud/ is the bottom layer: the domain rules build on it, never the reverse.',
      from: { path: '^src/cloud/' },
      to: { path: '^src/domain/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Break the circle: move the shared declarations into a module both can import.',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|node_modules|test)/' },
  },
};
