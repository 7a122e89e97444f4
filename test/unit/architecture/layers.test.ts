// @vitest-environment node
/**
 * The layer rules of ARCHITECTURE.md hold because lint fails on a forbidden import.
 * Each case lints a small file through ESLint's Node API as if it sat in a folder of src/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT, ignore: false });
/** The layer table the lint rules are built from (eslint.config.js is plain JavaScript). */
const { LAYERS, FEATURE_IMPORTS, SERVER_IMPORTS } = (await import(/* @vite-ignore */ join(ROOT, 'eslint.config.js'))) as {
  LAYERS: Record<string, string[]>;
  FEATURE_IMPORTS: Record<string, string[]>;
  SERVER_IMPORTS: string[];
};

/** The rule ids lint reports for `code` placed at `path`. */
async function ruleIds(path: string, code: string): Promise<string[]> {
  const results = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return results.flatMap((result) => result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`));
}

// ESLint follows every import to look for cycles: on a busy shared machine the first file takes seconds.
describe('layer rules', { timeout: 30_000 }, () => {
  it.each([
    [
      'the domain imports React',
      'src/domain/fixture.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
      'no-restricted-imports',
    ],
    [
      'the domain imports storage',
      'src/domain/fixture.ts',
      "import { db } from '../storage/db';\nexport const x = db;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'storage imports state',
      'src/storage/fixture.ts',
      "import { useCanvasStore } from '../state/canvasStore';\nexport const x = useCanvasStore;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'state imports a component',
      'src/state/fixture.ts',
      "import { Toasts } from '../components/Toasts';\nexport const x = Toasts;\n",
      'import-x/no-restricted-paths',
    ],
    ['state imports Dexie', 'src/state/fixture.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;\n", 'no-restricted-imports'],
    [
      'lib imports a component',
      'src/lib/fixture.ts',
      "import { Toasts } from '../components/Toasts';\nexport const x = Toasts;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'a component imports a feature',
      'src/components/fixture.ts',
      "import { LibraryScreen } from '../features/library/LibraryScreen';\nexport const x = LibraryScreen;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'a feature imports the app shell',
      'src/features/export/fixture.ts',
      "import { App } from '../../app/App';\nexport const x = App;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'a feature imports a sibling as ../library/…',
      'src/features/canvas/fixture.ts',
      "import { LibraryScreen } from '../library/LibraryScreen';\nexport const x = LibraryScreen;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'a feature reaches a sibling the long way round',
      'src/features/library/fixture.ts',
      "import { ExportView } from '../../features/../features/export/ExportView';\nexport const x = ExportView;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'templates import another feature',
      'src/features/templates/fixture.ts',
      "import { ImportPanel } from '../transfer/ImportPanel';\nexport const x = ImportPanel;\n",
      'import-x/no-restricted-paths',
    ],
    ['the app imports Dexie', 'src/app/fixture.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;\n", 'no-restricted-imports'],
    [
      'sync imports state',
      'src/sync/fixture.ts',
      "import { useCanvasStore } from '../state/canvasStore';\nexport const x = useCanvasStore;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'the server imports storage',
      'server/fixture.ts',
      "import { openDatabase } from '../src/storage/db';\nexport const x = openDatabase;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'the server imports React',
      'server/fixture.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
      'no-restricted-imports',
    ],
    [
      'an import that does not resolve',
      'src/features/canvas/fixture.ts',
      "import { nothing } from '../nowhere/at-all';\nexport const x = nothing;\n",
      'import-x/no-unresolved',
    ],
  ])('fails when %s', async (_what, path, code, rule) => {
    expect(await ruleIds(path, code)).toContain(rule);
  });

  it.each([
    [
      'a feature imports the domain, state and a shared component',
      'src/features/templates/fixture.ts',
      "import { STEP_IDS } from '../../domain/model';\nimport { useCanvasStore } from '../../state/canvasStore';\nimport { Toasts } from '../../components/Toasts';\nexport const x = [STEP_IDS, useCanvasStore, Toasts];\n",
    ],
    [
      'the canvas screen imports the export view',
      'src/features/canvas/fixture.ts',
      "import ExportView from '../export/ExportView';\nexport const x = ExportView;\n",
    ],
    [
      'the library hosts the import panel',
      'src/features/library/fixture.ts',
      "import { ImportPanel } from '../transfer/ImportPanel';\nexport const x = ImportPanel;\n",
    ],
    [
      'the app imports a feature',
      'src/app/fixture.ts',
      "import { LibraryScreen } from '../features/library/LibraryScreen';\nexport const x = LibraryScreen;\n",
    ],
    [
      'the server imports the sync protocol',
      'server/fixture.ts',
      "import * as protocol from '../src/sync/protocol';\nexport const x = protocol;\n",
    ],
  ])('passes when %s', async (_what, path, code) => {
    expect(await ruleIds(path, code)).toEqual([]);
  });

  it('fails on an import cycle', async () => {
    const results = await eslint.lintFiles([join(__dirname, 'fixtures/cycle/first.ts')]);
    expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('import-x/no-cycle');
  });

  it('ARCHITECTURE.md lists the same layers as the lint rules', () => {
    const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const table = text.slice(text.indexOf('## Layers'), text.indexOf('\n## ', text.indexOf('## Layers') + 1));
    const documented = Object.fromEntries(
      [...table.matchAll(/^\| \w+ \| `(?:src\/)?(\w+)[^`]*` \|.*\| ([^|]+) \|$/gm)].map(([, folder, mayImport = '']) => [
        folder,
        mayImport.trim() === 'libraries only' ? [] : mayImport.split(',').map((name) => name.trim()),
      ]),
    );
    expect(documented).toEqual({ ...LAYERS, server: SERVER_IMPORTS });
    for (const [feature, others] of Object.entries(FEATURE_IMPORTS)) {
      for (const other of others) expect(table).toContain(`\`${feature}\` → \`${other}\``);
    }
  });
});
