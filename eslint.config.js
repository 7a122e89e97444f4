// Lint: type-aware TypeScript rules, React hooks rules, and the layer rules
// from ARCHITECTURE.md enforced as import restrictions.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI = '^(react|react-dom|react-markdown|remark-gfm|wouter|@dnd-kit/[^/]+)(/.*)?$';
const STORE = '^(zustand|dexie|dexie-react-hooks)(/.*)?$';
/** Forbids a layer's files from importing packages matching `regex` or app folders matching `folders`. */
const layer = (files, regex, folders, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...(regex ? [{ regex, message }] : []), ...(folders.length ? [{ group: folders, message }] : [])] },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'data', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['scripts/**', '*.config.*', 'server/**', 'test/unit/server/**'], languageOptions: { globals: { ...globals.node } } },
  // The bench script runs some functions inside the page.
  { files: ['scripts/bench.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  layer(
    ['src/domain/**'],
    `${UI}|${STORE}`,
    ['**/storage/**', '**/state/**', '**/features/**', '**/components/**', '**/lib/**', '**/app/**', '**/sync/**'],
    'The domain layer is plain TypeScript: no React, storage or state.',
  ),
  layer(
    ['src/storage/**'],
    `${UI}|^zustand(/.*)?$`,
    ['**/state/**', '**/features/**', '**/components/**', '**/lib/**', '**/app/**'],
    'Storage may use only the domain.',
  ),
  // Sharing: the protocol, document shape and permissions shared with the server, and the lazy transport.
  layer(
    ['src/sync/**'],
    `${UI}|${STORE}`,
    ['**/storage/**', '**/state/**', '**/features/**', '**/components/**', '**/lib/**', '**/app/**'],
    'The sync modules may use only the domain: the server imports them too.',
  ),
  // The server runs in Node: it shares the domain and src/sync, nothing of the browser app.
  layer(
    ['server/**'],
    `${UI}|${STORE}`,
    ['**/storage/**', '**/state/**', '**/features/**', '**/components/**', '**/lib/**', '**/app/**'],
    'The server may use only src/domain and src/sync.',
  ),
  layer(['src/state/**'], UI, ['**/features/**', '**/components/**', '**/lib/**', '**/app/**'], 'State may use only domain and storage.'),
  // The library hosts the import panel.
  layer(
    ['src/features/library/**'],
    null,
    ['**/features/canvas/**', '**/features/export/**', '**/app/**'],
    'Features do not import each other or the app shell.',
  ),
  layer(
    ['src/features/transfer/**'],
    null,
    ['**/features/library/**', '**/features/canvas/**', '**/features/export/**', '**/app/**'],
    'Features do not import each other or the app shell.',
  ),
  // The canvas screen hosts the export view, loading it lazily; nothing else crosses features.
  layer(['src/features/canvas/**'], null, ['**/features/library/**', '**/app/**'], 'Features do not import each other or the app shell.'),
  layer(
    ['src/features/export/**'],
    null,
    ['**/features/library/**', '**/features/canvas/**', '**/app/**'],
    'Features do not import each other or the app shell.',
  ),
);
