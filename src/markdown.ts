/** Renders a paper file's Markdown body (the findings) to HTML, with raw HTML in the source escaped. */
import { remark } from 'remark';
import remarkHtml from 'remark-html';

const processor = remark().use(remarkHtml, { sanitize: true });

export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
