import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

// Three bundles: the Electron main process (with the backend worker), the sandboxed preload (CommonJS, as a
// sandboxed preload must be), and the Vue renderer. None of this needs the Electron binary to build.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/main/index.ts'),
          'backend-worker': resolve(__dirname, 'src-main/main/backend-worker.ts'),
          // The console's import runs on its own thread and database connection (services/tasks/run-import.ts).
          'import-worker': resolve(__dirname, 'src-main/backend/services/tasks/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
