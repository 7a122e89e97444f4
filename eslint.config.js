// Lint: TypeScript rules, React hooks rules, and the layers of ARCHITECTURE.md enforced on
// resolved paths (so `../library/x` and `../../features/library/x` are the same import).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const SRC = join(ROOT, 'src');

/**
 * The layers, bottom to top: every folder of src/ and the folders it may import from.
 * Keep in step with the Layers table in ARCHITECTURE.md.
 */
export const LAYERS = {
  domain: [],
  sync: ['domain'],
  storage: ['domain'],
  state: ['domain', 'sync', 'storage'],
  lib: ['domain', 'state'],
  components: ['domain', 'sync', 'state', 'lib'],
  features: ['domain', 'sync', 'storage', 'state', 'lib', 'components'],
  app: ['domain', 'sync', 'storage', 'state', 'lib', 'components', 'features'],
  // The service worker: it writes the library's first screenful into the page from the stored
  // summaries, so it shares the domain's listing rules, storage's names and record checks (never
  // Dexie: see FORBIDDEN_PACKAGES) and lib's relative times, and nothing that renders or holds state.
  worker: ['domain', 'storage', 'lib'],
};

/** The sync server runs in Node and shares only these folders of src/ with the browser app. */
export const SERVER_IMPORTS = ['domain', 'sync'];

/** Features do not import each other, except: the library hosts the import panel; the canvas screen lazy-loads the export view and shows the sharing controls. */
export const FEATURE_IMPORTS = { library: ['transfer'], canvas: ['export', 'sharing'] };

const UI = '^(react|react-dom|react-markdown|remark-gfm|wouter|@dnd-kit/[^/]+|workbox-window)(/.*)?$';
/** Packages a layer may not use, whatever the path. Dexie lives only behind src/storage. */
const FORBIDDEN_PACKAGES = {
  domain: [UI, '^(zustand|dexie)(/.*)?$', 'The domain layer is plain TypeScript: no React, storage or state.'],
  sync: [UI, '^(zustand|dexie)(/.*)?$', 'The sync modules may use only the domain: the server imports them too.'],
  storage: [UI, '^zustand(/.*)?$', 'Storage is Dexie and the domain only: no React or state.'],
  state: [UI, '^dexie(/.*)?$', 'State reads and writes through src/storage, and renders nothing.'],
  lib: ['^dexie(/.*)?$', null, 'Only src/storage uses Dexie.'],
  components: ['^dexie(/.*)?$', null, 'Only src/storage uses Dexie.'],
  features: ['^dexie(/.*)?$', null, 'Only src/storage uses Dexie.'],
  app: ['^dexie(/.*)?$', null, 'Only src/storage uses Dexie.'],
  worker: [UI, '^(zustand|dexie)(/.*)?$', 'The service worker reads IndexedDB itself and renders nothing: no React, Dexie or zustand.'],
};

const folders = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

// A new folder must be given a place in the layers before lint passes.
const unplaced = folders(SRC).filter((name) => !(name in LAYERS));
if (unplaced.length) {
  throw new Error(`eslint.config.js: add src/${unplaced.join(', src/')} to LAYERS (and to ARCHITECTURE.md's Layers table).`);
}

const layerZones = Object.entries(LAYERS)
  .map(([layer, allowed]) => ({
    target: `./src/${layer}`,
    from: Object.keys(LAYERS)
      .filter((other) => other !== layer && !allowed.includes(other))
      .map((other) => `./src/${other}`),
    message: `src/${layer} may import only from ${allowed.length ? allowed.map((name) => `src/${name}`).join(', ') : 'libraries'} (ARCHITECTURE.md, Layers).`,
  }))
  .filter((zone) => zone.from.length); // the app may import everything

const serverZone = {
  target: './server',
  from: Object.keys(LAYERS)
    .filter((layer) => !SERVER_IMPORTS.includes(layer))
    .map((layer) => `./src/${layer}`),
  message: `The server may import only ${SERVER_IMPORTS.map((name) => `src/${name}`).join(' and ')} (ARCHITECTURE.md, Layers).`,
};

const featureZones = folders(join(SRC, 'features')).map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`, ...(FEATURE_IMPORTS[feature] ?? []).map((other) => `./${other}`)],
  message: 'Features do not import each other (ARCHITECTURE.md, Layers).',
}));

const packageRules = Object.entries({ ...FORBIDDEN_PACKAGES, server: FORBIDDEN_PACKAGES.sync }).map(
  ([layer, [first, second, message]]) => ({
    files: [layer === 'server' ? 'server/**' : `src/${layer}/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [first, second].filter(Boolean).map((regex) => ({ regex, message })) }],
    },
  }),
);

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'data', 'node_modules', 'test-results', 'playwright-report', 'test/unit/architecture/fixtures'] },
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
  {
    // The fixtures let test/unit/architecture/layers.test.ts prove the cycle rule fails; plain lint skips them.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'test/unit/architecture/fixtures/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // How to read the files it follows (no-cycle parses each dependency).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // A path the resolver cannot follow would slip past the layer rules: make it an error.
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:'] }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: [...layerZones, serverZone, ...featureZones] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  ...packageRules,
  { files: ['scripts/**', '*.config.*', 'server/**', 'test/unit/server/**'], languageOptions: { globals: { ...globals.node } } },
  // The bench script runs some functions inside the page.
  { files: ['scripts/bench.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
