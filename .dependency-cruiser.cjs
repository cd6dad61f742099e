/**
 * The layers of dsg-bot, one direction (README, "How the code is laid out"):
 *   domain ← app (use cases) ← presenters ← teams (the adapter); storage, http, scheduler and sso at the edge;
 *   src/main.ts wires them together.
 * `npm test` runs `depcruise` with this file; a violation names the rule and the offending import.
 */
const FRAMEWORK_HOMES = [
  ['botbuilder-only-in-teams', 'botbuilder', 'node_modules/botbuilder', '^src/teams/'],
  ['restify-only-in-http', 'restify', 'node_modules/restify/', '^src/http/'],
  ['database-drivers-only-in-storage', 'kysely, pg and better-sqlite3', 'node_modules/(kysely|pg|better-sqlite3)/', '^src/storage/'],
  ['jose-only-in-sso', 'jose', 'node_modules/jose/', '^src/sso/'],
  ['croner-only-in-scheduler', 'croner', 'node_modules/croner/', '^src/scheduler/'],
  ['exceljs-only-in-spreadsheet', 'exceljs', 'node_modules/exceljs/', '^src/spreadsheet/'],
  ['docx-only-in-documents', 'docx', 'node_modules/docx/', '^src/documents/'],
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: break it by moving the shared part down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports is dead code, unless it is an entry point (a command or the tab).',
      from: {
        orphan: true,
        pathNot: ['\\.d\\.ts$', '^src/main\\.ts$', '^src/[a-z-]+\\.ts$', '^src/tab/main\\.ts$', '^src/playground/loopback-preload\\.ts$'],
      },
      to: {},
    },
    {
      name: 'domain-is-plain',
      severity: 'error',
      comment: 'The domain is plain rules and data: no I/O, no framework, nothing from the layers around it (zod is allowed).',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^zod$', 'node_modules/zod/'] },
    },
    {
      name: 'app-only-domain-and-ports',
      severity: 'error',
      comment: 'Use cases take ports and return results: never card JSON, the Teams adapter, HTTP, storage or the scheduler.',
      from: { path: '^src/app/' },
      to: { path: '^src/(presenters|teams|http|storage|scheduler|sso|playground|demo|tab|config|log|main)' },
    },
    {
      name: 'app-no-libraries',
      severity: 'error',
      comment: 'Use cases need no third-party library: what they need from the outside world comes through a port.',
      from: { path: '^src/app/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg'] },
    },
    {
      name: 'presenters-never-import-app',
      severity: 'error',
      comment: 'Presenters turn results (domain data) into cards: they import the domain, never use cases or the edge.',
      from: { path: '^src/presenters/' },
      to: { path: '^src/(app|teams|http|storage|scheduler|sso|playground|demo|tab|config|main)' },
    },
    {
      name: 'storage-implements-ports',
      severity: 'error',
      comment: 'Storage implements the ports: it imports the domain and the ports files, nothing else of ours.',
      from: { path: '^src/storage/' },
      to: { path: '^src/', pathNot: ['^src/storage/', '^src/domain/', '^src/app/ports[.]ts$', '^src/app/[a-z-]+/ports[.]ts$', '^src/log\\.ts$'] },
    },
    {
      name: 'teams-is-an-adapter',
      severity: 'error',
      comment: 'The Teams adapter calls use cases and presenters; it never reaches storage, HTTP or the scheduler.',
      from: { path: '^src/teams/' },
      to: { path: '^src/(storage|http|scheduler|sso|demo|tab|main)' },
    },
    {
      name: 'http-is-an-edge',
      severity: 'error',
      comment: 'The HTTP server is handed what it serves: it never reaches storage or the Teams adapter itself.',
      from: { path: '^src/http/' },
      to: { path: '^src/(storage|teams|app|presenters|scheduler|demo|main)' },
    },
    {
      name: 'production-never-imports-demo',
      severity: 'error',
      comment: 'The demo programme is for `npm run seed-demo` only and is not built into dist/.',
      from: { path: '^src/', pathNot: ['^src/demo/', '^src/seed-demo\\.ts$'] },
      to: { path: '^src/demo/' },
    },
    ...FRAMEWORK_HOMES.map(([name, module, path, home]) => ({
      name,
      severity: 'error',
      comment: `Only ${home} may import ${module}: moving to another SDK or driver touches one folder.`,
      from: { path: '^src/', pathNot: home },
      to: { path },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
