/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
