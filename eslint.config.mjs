// ESLint (flat config): typescript-eslint's strict, type-aware rules over the TypeScript of client, server and
// tests; the recommended rules over the plain JavaScript of scripts, benchmarks and the editor test harnesses.
// An eslint-disable comment must say why (`-- reason`). `npm test` runs this (`npm run lint`).
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', '**/node_modules/**', '.tsbuild/**', '.vscode-test/**', 'test-output/**', '**/*.generated.ts'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  comments.recommended,
  { rules: { '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }] } },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Messages are built from counts and line numbers everywhere; numbers print as people expect.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `x!` follows a check the compiler cannot see (Map.get after has(), a regex group the pattern always
      // captures, a template row that data.ts guarantees); the tests prove those, and `?.` would hide a broken one.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `() => void f()` callbacks of event emitters and promises read better as arrow shorthands.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Without noUncheckedIndexedAccess (off: it would type every template lookup as possibly missing), this rule
      // calls the guards on array and record indexing (`cells[i]?.value ?? …`) unnecessary; on report text they are not.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // An empty string (a blank row label, GOV_REPORT_CORPUS=) must fall back like a missing one: `||` is meant.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Report text is split into code points on purpose (Chinese figures and marks; no emoji sequences to keep).
      '@typescript-eslint/no-misused-spread': ['error', { allow: ['string'] }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests read JSON from the CLI and the server's wire and assert on it: `any` there is the point of the check.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['**/*.{js,cjs}'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } } },
  { files: ['**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  { files: ['test/e2e/suite/**/*.js'], languageOptions: { globals: { ...globals.mocha } } },
  // Functions these harnesses send into the page (Playwright's evaluate) run in the browser.
  { files: ['test/e2e/ui-*.js'], languageOptions: { globals: { ...globals.browser } } },
);
