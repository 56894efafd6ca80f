import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { initialJsSize } from './build/initialJsSize.ts';
import { precompress } from './build/precompress.ts';

export default defineConfig({
  plugins: [react(), initialJsSize(120), precompress()],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});
