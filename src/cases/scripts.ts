import anyAscii from 'any-ascii';

// ISO 15924 codes of the scripts our users' names come in, with the Unicode property that finds them.
const SCRIPTS: [string, RegExp][] = [
  ['Khmr', /\p{Script=Khmer}/u], ['Thai', /\p{Script=Thai}/u], ['Laoo', /\p{Script=Lao}/u], ['Mymr', /\p{Script=Myanmar}/u],
  ['Arab', /\p{Script=Arabic}/u], ['Hebr', /\p{Script=Hebrew}/u], ['Cyrl', /\p{Script=Cyrillic}/u], ['Grek', /\p{Script=Greek}/u],
  ['Hani', /\p{Script=Han}/u], ['Hang', /\p{Script=Hangul}/u], ['Jpan', /\p{Script=Hiragana}|\p{Script=Katakana}/u],
  ['Deva', /\p{Script=Devanagari}/u], ['Beng', /\p{Script=Bengali}/u], ['Taml', /\p{Script=Tamil}/u], ['Sinh', /\p{Script=Sinhala}/u],
  ['Ethi', /\p{Script=Ethiopic}/u], ['Geor', /\p{Script=Georgian}/u], ['Armn', /\p{Script=Armenian}/u], ['Tibt', /\p{Script=Tibetan}/u],
  ['Latn', /\p{Script=Latin}/u],
];

/** The script a name is written in (the first non-Latin one found, else Latin), or null for no letters. */
export function scriptOf(name: string): string | null {
  for (const [code, re] of SCRIPTS) if (re.test(name)) return code;
  return null;
}

/**
 * A Latin-letter reading of a name in another script (any-ascii's transliteration), so a
 * search typed on a Latin keyboard finds it; null when the name is Latin already. It is a
 * machine reading, not the spelling the person uses: the case keeps both.
 */
export function transliterate(name: string): string | null {
  if (scriptOf(name) === 'Latn' || scriptOf(name) === null) return null;
  const t = anyAscii(name).replace(/\s+/g, ' ').trim();
  return t && t !== name ? t : null;
}
