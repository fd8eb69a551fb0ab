// @ts-check
import { defineConfig } from 'astro/config';

// A static site: every page and download is written at build time from content/ by src/site-data.ts.
// SITE_URL (e.g. https://atlas.example.org) makes permalinks and iframe embed snippets absolute; without it they
// are root-relative paths.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
