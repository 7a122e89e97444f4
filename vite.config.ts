/// <reference types="vitest/config" />
import { type Plugin, createServer, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy travels in the page itself, so it holds however
 * the built files are served. Build only: the dev server needs inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'outcome-canvas-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/**
 * The first screen, prerendered: `src/app/prerender.tsx` renders the app at
 * `#/` with React's renderToString (loaded through a throwaway Vite server in
 * SSR mode) and the HTML goes into index.html's root, so the page paints
 * before any JavaScript runs, with no inline script (the CSP stays as it is).
 * It is a picture, not hydrated: `inert` and `aria-hidden` until main.tsx's
 * createRoot replaces it on its first render with the real, live screen (for
 * whatever address was opened). So no client-only state (the hash, IndexedDB,
 * lazy chunks) can ever disagree with it.
 */
function prerenderFirstScreen(): Plugin {
  const root = '<div id="root"></div>';
  return {
    name: 'outcome-canvas-prerender',
    apply: 'build',
    async transformIndexHtml(html) {
      if (!html.includes(root)) throw new Error(`index.html has no ${root} to prerender into`);
      const server = await createServer({
        configFile: false,
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, watch: null },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const { renderFirstScreen } = (await server.ssrLoadModule('/src/app/prerender.tsx')) as { renderFirstScreen: () => string };
        return html.replace(root, `<div id="root"><div class="prerendered" inert aria-hidden="true">${renderFirstScreen()}</div></div>`);
      } finally {
        await server.close();
      }
    },
  };
}

/**
 * The styles of what `src/app/boot.tsx` loads without waiting (the app frame, the library and
 * what they show) go into index.html as stylesheets: main.tsx fetches boot.tsx's chunk only after
 * the prerendered first screen has painted, and that paint must already look as it will.
 */
function firstScreenStyles(): Plugin {
  return {
    name: 'outcome-canvas-first-screen-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((output) => output.type === 'chunk');
        const boot = chunks.find((chunk) => chunk.isDynamicEntry && chunk.facadeModuleId?.endsWith('/src/app/boot.tsx'));
        if (!boot) throw new Error('no chunk for src/app/boot.tsx: main.tsx must import it dynamically');
        const styles = new Set<string>();
        const seen = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((candidate) => candidate.fileName === fileName);
          if (!chunk || seen.has(fileName)) return;
          seen.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        visit(boot.fileName);
        const links = [...styles]
          .filter((css) => !html.includes(`/${css}"`))
          .map((css) => `<link rel="stylesheet" crossorigin href="/${css}">`)
          .join('\n    ');
        return html.replace('</head>', `    ${links}\n  </head>`);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    prerenderFirstScreen(),
    firstScreenStyles(),
    // Offline: a service worker precaches the whole app (every chunk, the
    // templates), so after one visit it opens and works with no network, and
    // it writes the library's first screenful into the page it serves
    // (src/worker/sw.ts, our own code: hence `injectManifest`).
    // 'prompt': a new version waits until the user chooses to reload.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/worker',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // The tab's icon is favicon.ico (index.html), not favicon.svg, its source: to draw an SVG icon Chromium builds a
      // whole SVG document on the page's main thread, 15-35 ms in the middle of every load here; the .ico decodes in ~3.
      includeAssets: ['favicon.ico', 'robots.txt'],
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      manifest: {
        name: 'Outcome Canvas',
        short_name: 'Outcome Canvas',
        description: 'Plan public-sector data projects outcome-first, with bias and ethics checks at every step.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f3f2f1',
        theme_color: '#1d3a6e',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Keep the report quiet about the lazy chunks; the bench script watches sizes.
    chunkSizeWarningLimit: 400,
  },
  preview: { port: 4321, strictPort: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['test/setup.ts'],
    include: ['test/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
