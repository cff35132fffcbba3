/**
 * Redaction that keeps provenance: a withheld word becomes the same number of █ characters, so
 * every character offset a fact cites still points at the same place in the excerpt. A partner
 * sees that something was withheld and how long it was, never what it was.
 */
export const MASK = '█';

/** How the person is named in a bundle: as on file, by the case's code name, or by initials. */
export type NameMode = 'real' | 'code' | 'initials';

export function initialsOf(name: string): string {
  const parts = name.split(/[\s-]+/u).filter((p) => /\p{L}/u.test(p));
  return parts.map((p) => `${[...p][0]!.toUpperCase()}.`).join(' ') || 'X.';
}

/**
 * Every form of a name worth hiding: the names themselves and each of their words of three
 * letters or more ("Rath Rott Mony" is also "Mony" in the next paragraph, the example that made
 * single words count). Longest first, so "Rath Rott Mony" is masked before "Mony".
 */
export function formsToMask(names: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const n of names) {
    const name = n.trim();
    if (!name) continue;
    forms.add(name);
    for (const w of name.split(/[\s,.;:()'"’-]+/u)) if ([...w].filter((ch) => /\p{L}/u.test(ch)).length >= 3) forms.add(w);
  }
  return [...forms].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Masker {
  private readonly pattern: RegExp | null;
  /** How many stretches of text were withheld so far. */
  masked = 0;

  constructor(forms: readonly string[]) {
    // Whole words only, in any script: the letters of a name inside another word are left alone.
    this.pattern = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  }

  /** The text with every form replaced by as many █ as it had UTF-16 code units (offsets unchanged). */
  text(s: string): string;
  text(s: string | null): string | null;
  text(s: string | null): string | null {
    if (s === null || !this.pattern) return s;
    return s.replace(this.pattern, (m) => {
      this.masked += 1;
      return MASK.repeat(m.length);
    });
  }

  /** True when the text names something withheld; a URL's path is compared as a slug ("rath-rott-mony"). */
  names(s: string): boolean {
    if (!this.pattern) return false;
    let decoded = s;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      // a malformed escape: compare the raw text
    }
    // search() ignores the global pattern's lastIndex, which test() would carry between calls
    return decoded.replace(/[-_+/.]+/g, ' ').search(this.pattern) >= 0;
  }

  /** A URL safe to pass on: the page's address unless its path or query names something withheld, then only its site. */
  url(u: string | null): { url: string | null; withheld: boolean } {
    if (!u) return { url: null, withheld: false };
    try {
      const parsed = new URL(u);
      if (this.names(parsed.pathname + parsed.search + parsed.hash)) return { url: parsed.origin, withheld: true };
      return { url: u, withheld: false };
    } catch {
      return this.names(u) ? { url: null, withheld: true } : { url: u, withheld: false };
    }
  }
}

/** The words a speaker is replaced by when the speakers who are not public voices are withheld. */
export const SPEAKER_LABELS: Record<string, string> = {
  family: 'a family member',
  lawyer: 'a lawyer',
  self: 'the person',
  ngo: 'a rights group',
  anonymous: 'an anonymous source',
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(SPEAKER_LABELS, null);

/** Officials, the UN and the press speak in public; the others may be at risk for having spoken. */
export function speakerAtRisk(kind: string | null): boolean {
  return !!kind && kind in SPEAKER_LABELS;
}
