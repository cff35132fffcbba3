import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One of our invented reports (`data/invented/<split>/NNN.txt`): its number, as its case-gold file names it, and its text. */
export interface InventedText {
  index: number;
  file: string;
  text: string;
}

/** The invented reports in `dir`, in order of their numbers; none when the folder is absent. */
export function inventedTexts(dir: string): InventedText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.txt$/.test(f))
    .map((file) => ({ index: Number(file.slice(0, -4)), file, text: readFileSync(path.join(dir, file), 'utf8') }))
    // by number: 1001 comes after 820, and a follow-up after the report it follows
    .sort((a, b) => a.index - b.index);
}
