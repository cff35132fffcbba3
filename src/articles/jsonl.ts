import { VigilError } from '../core/errors.js';
import type { Article } from './article.js';
import { articleFromString } from './read.js';

/**
 * One line of a JSONL batch: `{"id", "text" | "html", "published", "title", "url"}`. Returns the article, or
 * throws a VigilError naming the line, so a batch can report it and carry on.
 */
export function articleFromJsonLine(line: string, lineNo: number, warnings: string[] = []): Article {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    throw new VigilError('invalid_json', `line ${lineNo}: not JSON (${(err as Error).message})`, { line: lineNo });
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new VigilError('invalid_input', `line ${lineNo}: expected a JSON object`, { line: lineNo });
  const rec = obj as Record<string, unknown>;
  const id = rec.id === undefined ? String(lineNo) : String(rec.id);
  const text = typeof rec.text === 'string' ? rec.text : undefined;
  const html = typeof rec.html === 'string' ? rec.html : undefined;
  if (text === undefined && html === undefined) throw new VigilError('invalid_input', `line ${lineNo} (id ${id}): needs "text" or "html"`, { line: lineNo, id });
  if (rec.published !== undefined && rec.published !== null && typeof rec.published !== 'string') {
    throw new VigilError('invalid_date', `line ${lineNo} (id ${id}): "published" must be a string YYYY-MM-DD`, { line: lineNo, id });
  }
  if (rec.title !== undefined && rec.title !== null && typeof rec.title !== 'string') throw new VigilError('invalid_input', `line ${lineNo} (id ${id}): "title" must be a string`, { line: lineNo, id });
  try {
    const article = articleFromString(html ?? text!, `line ${lineNo} (id ${id})`, {
      id,
      html: html !== undefined,
      ...(typeof rec.published === 'string' ? { published: rec.published } : {}),
      ...(typeof rec.url === 'string' ? { url: rec.url } : {}),
    }, warnings);
    // a title given beside the text is the report's, as a CSV column's is (a page's own title gives way to it)
    const title = typeof rec.title === 'string' ? rec.title.trim() : '';
    return title ? { ...article, title } : article;
  } catch (err) {
    if (err instanceof VigilError) throw new VigilError(err.code, err.message.startsWith('line ') ? err.message : `line ${lineNo} (id ${id}): ${err.message}`, { line: lineNo, id });
    throw err;
  }
}
