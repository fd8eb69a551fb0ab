/**
 * Maps a field path (["results", 1, "capacity"]) back to a line and column in the paper file, using the YAML
 * document's node ranges. A path that does not exist (a missing field) points at the nearest existing parent.
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { PositionedFile } from './load.ts';

export type FieldPath = readonly (string | number)[];

export interface Location {
  line: number;
  column: number;
}

/** Where the value at `path` starts, or where the key `path` names starts when `atKey` is set. */
export function locate(file: PositionedFile, path: FieldPath, atKey = false): Location {
  let node: unknown = file.document.contents;
  let offset = isNode(node) ? (node.range?.[0] ?? 0) : 0;
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const isLast = index === path.length - 1;
      offset = (atKey && isLast) || !value?.range ? (key.range?.[0] ?? offset) : value.range[0];
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const pos = file.lineCounter.linePos(offset);
  return { line: pos.line + file.lineOffset, column: pos.col };
}
