import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const electronShell = ['src/main/index.ts', 'src/main/shell/**', 'src/preload/**', 'e2e/electron.spec.ts']

const noElectron = {
  name: 'electron',
  message: 'Only src/main/index.ts, src/main/shell/** and src/preload/** may import electron.',
}

/** Which process may import which (docs/architecture.md, "Rules the linter keeps"). */
const processZones = [
  {
    target: './src/renderer',
    from: './src/main',
    message: 'The renderer reaches main only through window.copydesk (src/shared/contract.ts).',
  },
  {
    target: './src/shared',
    from: './src/main',
    message: 'src/shared is what every process agrees on: it runs in the renderer too, so it cannot need main.',
  },
  {
    target: './src/shared',
    from: './src/renderer',
    message: 'src/shared runs in main and the CLI too, so it cannot need the renderer.',
  },
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '**/out-*/**',
      'dist/**',
      'native/**',
      'node_modules/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
      'bin/**',
      'scripts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Importing electron from plain Node downloads the binary; only the thin shell may.
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
        },
      ],
    },
  },
  { files: electronShell, rules: { 'no-restricted-imports': 'off' } },
  // The persistence seam (docs/architecture.md): importers and page renderers are pure, bytes or a
  // story in, drafts or HTML out. Only the composers (api.ts, intake/, publish/, checks/) reach the
  // library. Their tests may open a real library to set up a story.
  {
    files: ['src/main/wire/**/*.ts', 'src/main/export/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/library', '**/library/**'],
              message:
                'wire/ and export/ are pure (bytes in, drafts out; story in, page out): load and store through src/main/library/ in the caller (intake/, publish/, api.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Architecture guards (docs/architecture.md, "Rules the linter keeps"). Paths are resolved as
  // TypeScript resolves them, so a relative import cannot slip past by its spelling.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse .ts/.tsx dependencies with the TypeScript parser (no-cycle follows them).
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      // A cycle makes load order decide what a module sees, and two modules that need each other are one idea split badly.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: processZones }],
    },
  },
  // The app never ships test fixtures; only tests import test/ (@test/...).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...processZones,
            { target: './src', from: './test', message: 'Only tests may import test fixtures (test/, @test/...).' },
          ],
        },
      ],
    },
  },
  { files: ['**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
)
