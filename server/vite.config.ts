import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Bundles the sync server (and the shared src/sync modules it uses) into dist-server/main.js for Node. */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.js' } },
  },
});
