// ESLint flat config (STYLE.md §10). Type-aware rules from typescript-eslint for every .ts file,
// plain recommended rules for the few .js/.cjs tooling scripts. No stylistic rules: formatting is
// Prettier's job (STYLE.md §10), never a lint failure.
//
// Layout note: there is no root tsconfig. Each folder is its own environment with its own
// tsconfig (core without Node types, and so on), so the type-aware parser is given that list of
// projects and uses the first one that includes a file. A .ts file that no project includes is a
// parse error here, as it is a typecheck error in test/support/run-typecheck.js.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { activeProjects, REPO_ROOT } from './test/support/ts-projects.js';

// Production folders, then the tests (which cover every *.test.ts), then the Playwright specs; a
// project that does not exist yet or selects no file yet is left out (the parser rejects those).
const TS_PROJECTS = activeProjects();

// `.only` on a test silently turns a whole suite off. Vitest's allowOnly:false and Playwright's
// forbidOnly catch it at run time; this catches it before commit (node-serialport's
// mocha/no-exclusive-tests).
const NO_EXCLUSIVE_TESTS = ['describe', 'it', 'test', 'suite'].map((object) => ({
  object,
  property: 'only',
  message: 'Remove .only before committing: it skips every other test.',
}));

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'out/',
    '.tsbuild/',
    'test-results/',
    'playwright-report/',
    'bench/results/',
    'docs/',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: TS_PROJECTS, tsconfigRootDir: REPO_ROOT },
    },
    rules: {
      // STYLE.md §7: every switch on a union's `kind` must handle every member, so a new state
      // breaks the build everywhere it must be handled. A `default: assertNever(x)` is allowed, but
      // does not count as handling the missing cases.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      // A dropped promise is a dropped device error. Spelled out although recommended already has
      // them, because these are the ones this codebase depends on.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      // Off: an `async` method with no `await` is how a class implements a Promise-returning
      // interface (Transport.close, say), and `async` is what turns a synchronous throw into a
      // rejection. Dropping it to please this rule would make such code worse, not better.
      '@typescript-eslint/require-await': 'off',
      // Numbers and booleans in template strings are normal in log and error messages; objects
      // (`[object Object]`) and nullish values are the real mistakes.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // STYLE.md §1.2 / §2: tags are string literals, never `const enum` (breaks per-file
      // transpilers such as esbuild and tsx).
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration[const=true]', message: 'Use a union of string literals, not const enum (STYLE.md §1.2).' },
      ],
      'no-restricted-properties': ['error', ...NO_EXCLUSIVE_TESTS],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-implicit-coercion': 'error',
      'prefer-const': 'error',
      'no-var': 'error',
      // TypeScript itself reports undefined names, with each folder's own globals.
      'no-undef': 'off',
    },
  },

  {
    // React's rules of hooks for the renderer (issue 7): hooks only at the top level of components
    // and hooks, complete effect dependencies.
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },

  {
    // VS Code's layersChecker bans raw ipcMain: electron/main/ipc.ts is the one place that may
    // register a channel, so every channel gets the sender-frame check.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Register IPC channels only in electron/main/ipc.ts (it validates the sender frame).',
            },
          ],
        },
      ],
    },
  },
);
