// @ts-check
import { defineConfig } from 'astro/config';
import siteAssets from './src/integration.ts';

// A static site: every page is written at build time from content/ by src/site-data.ts; the downloads (figure
// files, the interactive views' data, the data set) by src/integration.ts, in a second process beside the pages.
// SITE_URL (e.g. https://atlas.example.org) makes permalinks and iframe embed snippets absolute; without it they
// are root-relative paths.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [siteAssets()],
  // Pages whose getStaticPaths() entry has an unchanged cacheKey are reused from the previous build.
  experimental: { incrementalBuild: true },
});
