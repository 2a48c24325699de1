// Import rules between Proprio's folders (STYLE.md §2 "Enforcement", item 2), checked by
// dependency-cruiser on resolved files, so relative paths, type-only imports and cycles are all
// seen. Run through test/support/run-depcruise.js (`npm run lint:deps`), which also fails when
// nothing was cruised: with TypeScript 7 dependency-cruiser 17 cruises zero modules and reports
// "no violations" (SETUP.md).
//
// Shape (VS Code's code-import-patterns): every folder has an ALLOWLIST of what it may import;
// anything else is an error. A folder's *.test.ts files get the same list plus vitest and
// fast-check, so a core/ test cannot pull in Node either (STYLE.md §9). Cross-cutting rules follow:
// index.ts only across folders, no cycles, no test code or devDependency in production code, and
// `electron` only in electron/.
//
// To allow a new package in a folder, add it to that folder's list below, with a reason.

/** A folder's own test files. */
const TEST_FILE = '\\.test\\.ts$';

/** Matches the resolved path of one of the named npm packages (hoisted or nested). */
function npm(...names) {
  return `(^|/)node_modules/(${names.join('|')})/`;
}

/** Packages a folder's own *.test.ts files may use on top of the folder's allowlist. */
const TEST_LIBRARIES = npm('vitest', '@vitest/[^/]+', 'fast-check');

/** Shared test doubles (manual timers, vector loaders). */
const TEST_SUPPORT = '^test/support/';

/** The renderer's build tooling (Vite's JS API), run by `proprio web`/`start` in a child process. */
const RENDERER_BUILD = '^renderer/(build|vite\\.config)\\.js$';

/** The folders dependency-cruiser runs over; other folders import only their index.ts. */
const PROJECT_FOLDER = '^(core|api|native-bridge|hardware-sim|host|electron|renderer)/';

/** Pure-computation packages core/ may use (STYLE.md §2: listed by name, each earning its place). */
const CORE_PACKAGES = ['fft.js'];

/**
 * Each area: which files (`from`, minus tests and minus `fromNot`), what they may import
 * (`allow`: resolved-path patterns), and whether Node's core modules are allowed.
 */
const AREAS = [
  {
    name: 'core',
    from: '^core/',
    allow: ['^core/', ...(CORE_PACKAGES.length ? [npm(...CORE_PACKAGES)] : [])],
    nodeCore: false,
    why: 'core/ is pure domain logic: nothing outside core/, no node:*, no I/O package.',
  },
  {
    name: 'api',
    from: '^api/',
    allow: ['^api/', '^core/index\\.ts$', npm('zod')],
    nodeCore: false,
    why: 'api/ is the contract: it may use core/ and the schema library only.',
  },
  {
    name: 'native-bridge',
    from: '^native-bridge/',
    // @serialport/* covers parser-readline and the binding packages serialport is built from;
    // no-non-package-json still requires each one to be declared in package.json.
    allow: ['^native-bridge/', '^core/index\\.ts$', npm('serialport', '@serialport/[^/]+')],
    nodeCore: true,
    why: 'native-bridge/ may use core/, node:* and serialport; never api/, host/, renderer/, electron/ or hardware-sim/.',
  },
  {
    name: 'hardware-sim',
    from: '^hardware-sim/',
    // serialport only to open its own PTY end (STYLE.md §2). It shares no code with core/ or
    // native-bridge/: the two sides agree only through docs/protocols and the vectors.
    allow: ['^hardware-sim/', npm('serialport', '@serialport/[^/]+')],
    nodeCore: true,
    why: 'hardware-sim/ reaches no other project folder (it shares no code with core/ or native-bridge/).',
  },
  {
    name: 'host',
    from: '^host/',
    fromNot: '^host/cli/',
    allow: ['^host/', '^api/index\\.ts$', '^native-bridge/index\\.ts$', '^core/index\\.ts$', npm('better-sqlite3', 'ws', 'zod', 'playwright-core')],
    nodeCore: true,
    why: 'host/ may use api/, native-bridge/, core/, better-sqlite3, ws, zod, playwright-core (reports to PDF in a headless Chromium) and node:*; never renderer/, electron/ or hardware-sim/ (only host/cli/ wires the simulator in).',
  },
  {
    name: 'host-cli',
    from: '^host/cli/',
    // The web-host CLI is a composition root (STYLE.md §2): it alone in host/ may start the
    // simulator in-process, through hardware-sim's index.ts.
    allow: [
      '^host/',
      '^api/index\\.ts$',
      '^native-bridge/index\\.ts$',
      '^core/index\\.ts$',
      '^hardware-sim/index\\.ts$',
      npm('better-sqlite3', 'ws', 'zod', 'playwright-core'),
    ],
    nodeCore: true,
    why: 'host/cli/ is host/ plus hardware-sim/index.ts (composition root).',
  },
  {
    name: 'electron-main',
    from: '^electron/main/',
    fromNot: '^electron/main/index\\.ts$',
    allow: ['^electron/main/', '^host/index\\.ts$', '^api/index\\.ts$', npm('electron')],
    nodeCore: true,
    why: 'electron/main may use host/, api/, electron and node:*; never native-bridge/ (it goes through host/).',
  },
  {
    name: 'electron-main-entry',
    from: '^electron/main/index\\.ts$',
    // The Electron entry is a composition root like host/cli (STYLE.md §2): it may wire the
    // simulator in for in-process mode.
    allow: ['^electron/main/', '^host/index\\.ts$', '^api/index\\.ts$', '^hardware-sim/index\\.ts$', npm('electron')],
    nodeCore: true,
    why: 'electron/main/index.ts is electron/main plus hardware-sim/index.ts (composition root).',
  },
  {
    name: 'electron-preload',
    from: '^electron/preload/',
    allow: ['^electron/preload/', '^api/index\\.ts$', npm('electron')],
    nodeCore: false,
    why: 'electron/preload is sandboxed: api/ (types) and electron (contextBridge, ipcRenderer) only.',
  },
  {
    name: 'electron-build',
    from: '^electron/build\\.js$',
    allow: [npm('esbuild')],
    nodeCore: true,
    why: 'electron/build.js is build tooling: esbuild and node:* only.',
  },
  {
    name: 'renderer-build',
    from: RENDERER_BUILD,
    allow: ['^renderer/vite\\.config\\.js$', npm('vite', '@vitejs/plugin-react')],
    nodeCore: true,
    why: 'renderer/build.js and vite.config.js are build tooling: Vite, its React plugin and node:* only.',
  },
  {
    name: 'renderer',
    from: '^renderer/',
    fromNot: RENDERER_BUILD,
    allow: ['^renderer/', '^api/index\\.ts$', '^core/index\\.ts$', npm('react', 'react-dom', 'uplot')],
    nodeCore: false,
    why: 'renderer/ may use api/, core/, react and uplot; never host/, native-bridge/, electron/, hardware-sim/ or node:*.',
  },
];

function areaRules(area) {
  const coreTypes = area.nodeCore ? { dependencyTypesNot: ['core'] } : {};
  const production = {
    name: `${area.name}-imports`,
    severity: 'error',
    comment: area.why,
    from: { path: area.from, pathNot: [TEST_FILE, ...(area.fromNot ? [area.fromNot] : [])] },
    to: { pathNot: area.allow, ...coreTypes },
  };
  // Shared doubles in test/support/ run on Node, so only tests of Node folders may use them; a
  // core/ test stays as pure as core/ (its doubles, like ManualClock, live in core/).
  const testAllow = [...area.allow, TEST_LIBRARIES, ...(area.nodeCore ? [TEST_SUPPORT] : [])];
  const tests = {
    name: `${area.name}-test-imports`,
    severity: 'error',
    comment:
      `${area.why} Its *.test.ts files may add vitest and fast-check` +
      `${area.nodeCore ? ' and test/support/' : ''}, nothing else.`,
    from: { path: `${area.from}.*${TEST_FILE}`, ...(area.fromNot ? { pathNot: area.fromNot } : {}) },
    to: { pathNot: testAllow, ...coreTypes },
  };
  return [production, tests];
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...AREAS.flatMap(areaRules),
    {
      name: 'electron-unknown-place',
      severity: 'error',
      comment: 'electron/ code lives in electron/main/ or electron/preload/ (plus electron/build.js).',
      from: { path: '^electron/', pathNot: '^electron/(main/|preload/|build\\.js$)' },
      to: {},
    },
    {
      name: 'no-deep-imports',
      severity: 'error',
      comment:
        "Across folders, import only the other folder's index.ts (STYLE.md §2). " +
        'test/ and bench/ are exempt.',
      from: { path: PROJECT_FOLDER },
      to: { path: PROJECT_FOLDER, pathNot: ['^$1/', '^[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules impossible to reason about or test alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment: 'Production code never imports test/ or bench/.',
      from: { path: PROJECT_FOLDER, pathNot: TEST_FILE },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Production code never imports a devDependency (it would be missing from the installed app). ' +
        "Exception: 'electron', which electron-builder requires to be a devDependency.",
      from: { path: PROJECT_FOLDER, pathNot: [TEST_FILE, '^electron/build\\.js$', RENDERER_BUILD] },
      to: { dependencyTypes: ['npm-dev'], pathNot: npm('electron') },
    },
    {
      name: 'electron-only-in-electron',
      severity: 'error',
      comment:
        "Only electron/main and electron/preload production code may import 'electron'; unit tests " +
        'must not (Electron is not available to Vitest), so keep testable logic in Electron-free modules.',
      from: { pathNot: `^electron/(main|preload)/(?!.*${TEST_FILE})` },
      to: { path: npm('electron') },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import resolves to no file: a typo, or a package missing from package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: "This npm package is not declared in package.json, so it is present only by another package's grace.",
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      comment: 'Nothing imports this module and it imports nothing: unused, or not wired in yet.',
      from: {
        orphan: true,
        pathNot: ['(^|/)\\.[^/]+\\.(js|cjs|mjs|ts|json)$', '\\.d\\.ts$', '(^|/)tsconfig\\.json$', '^electron/build\\.js$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Count `import type` too: a type-only import still couples the folders.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
