import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One of our invented reports (`data/invented/<split>/NNN.txt`): its number, as its case-gold file names it, and its text. */
export interface InventedText {
  index: number;
  file: string;
  text: string;
}

/** The invented reports in `dir`, in file order; none when the folder is absent. */
export function inventedTexts(dir: string): InventedText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.txt$/.test(f))
    .sort()
    .map((file) => ({ index: Number(file.slice(0, -4)), file, text: readFileSync(path.join(dir, file), 'utf8') }));
}
