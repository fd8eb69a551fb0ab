// @ts-check
import { defineConfig } from 'astro/config';

// The same output settings as the site's config, and nothing else.
export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
