// @ts-check
import { defineConfig } from 'astro/config';

// A static site: every page and download is written at build time from content/ by src/site-data.ts.
export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
