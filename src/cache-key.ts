/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by getStaticPaths() is
 * reused from the previous build when its `cacheKey` and its code are unchanged. Our keyed pages render from their
 * props alone (plus code, which Astro hashes itself), so the key is a hash of the props: it changes exactly when
 * something the page shows changes, and a change to one paper leaves every other paper's key as it was.
 */
import { createHash } from 'node:crypto';

/** SHA-256 of the JSON of `value` (base64url). */
export function cacheKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/**
 * Each path with the key of its props. Only for pages that read nothing but their props at render time: a page
 * that imports the data set in its body would show changes its key does not see.
 */
export function keyedByProps<P extends { props: unknown }>(paths: readonly P[]): (P & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: cacheKey(path.props) }));
}
