/**
 * Import boundaries (docs/architecture.md (Layering)): renderer → shared; main → shared, server; server → shared;
 * shared → nothing of ours and no Node built-ins. Checked by `npm run lint`.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-self-contained',
      comment: 'shared/ is platform-neutral: it imports nothing from server/, main/, renderer/ or scripts/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|main|renderer|scripts)/' },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ runs in browsers too: no Node built-in modules.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-only-shared',
      comment: 'server/ (the hub) may import shared/ only.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(main|renderer|scripts)/' },
    },
    {
      name: 'main-not-renderer',
      comment: 'main/ may import shared/ and server/, never renderer/ or scripts/.',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^(renderer|scripts)/' },
    },
    {
      name: 'renderer-only-shared',
      comment:
        'renderer/ talks to a backend through the contract client only: it imports shared/ and nothing else of ours.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(server|main|scripts)/' },
    },
    {
      name: 'companion-only-its-own',
      comment:
        "The companion app (renderer/companion/) shares the staff app's design tokens (renderer/theme/) and shared/, never its screens or code.",
      severity: 'error',
      from: { path: '^renderer/companion/' },
      to: { path: '^renderer/', pathNot: '^renderer/(companion|theme)/' },
    },
    {
      name: 'renderer-no-node-builtins',
      comment:
        'renderer/ runs sandboxed in a browser: no Node built-ins. Only its browser-test support (renderer/testing/, *.testing.ts step helpers) and test files, which run in Node and drive Chromium, may use them.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/(testing/|.+\\.test\\.tsx?$|.+\\.testing\\.tsx?$)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-only-in-main-electron',
      comment: "Only files under main/electron/ import 'electron', so tests never load it.",
      severity: 'error',
      from: { pathNot: '^main/electron/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'production-not-test-support',
      comment:
        "Production code never imports test support: an area's testing/ folder, <name>.testing.ts or <name>.child.ts (scripts/test-support.mjs checks the names; docs/architecture.md (Testing)).",
      severity: 'error',
      from: {
        path: '^(shared|server|main|renderer)/',
        pathNot: '(^|/)testing/|\\.(test|testing|child|setup)\\.tsx?$',
      },
      to: { path: '(^|/)testing/|\\.(testing|child)\\.tsx?$' },
    },
    {
      name: 'testing-file-serves-its-folder',
      comment:
        "A <name>.testing.ts file serves the tests of its own folder; support used from other folders belongs in the area's testing/ folder.",
      severity: 'error',
      from: { path: '^(.+)/[^/]+$' },
      to: { path: '\\.testing\\.tsx?$', pathNot: '^$1/[^/]+$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (catches typos in aliases and missing packages).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
