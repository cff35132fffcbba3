import type { HrdArticle } from '../../corpora/readers/hrdsattack.js';
import { countryByCode, countryByDemonym, countryByName, countryNames } from '../../extractors/places/index.js';

/**
 * How to write a country the way HRDsAttack's annotators would, since the metric is exact string
 * match. The annotators wrote one country several ways ("USA", "United States", "US"; "China",
 * "People's Republic of China"; "England", "United Kingdom") and often copied the report's own
 * word: a report that says "Burma" is filed under "Burma", not "Myanmar". So the name is the
 * spelling the report itself uses most among those known for the country (the training split's
 * spellings, world-countries' names), and else the training split's most frequent spelling.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The spelling `text` uses most often, whole words only; the first on a tie. */
function mostUsed(spellings: readonly string[], text: string): string | null {
  let best: string | null = null;
  let most = 0;
  for (const s of spellings) {
    const n = text.match(new RegExp(`(?<![\\p{L}.])${escape(s)}(?![\\p{L}.])`, 'gu'))?.length ?? 0;
    if (n > most) [best, most] = [s, n];
  }
  return best;
}

export class CountryNamer {
  private constructor(private readonly spellings: Map<string, Map<string, number>>) {}

  /** The gold country as a code; annotators sometimes wrote the demonym ("Yemeni"). */
  static code(name: string | null): string | null {
    return name ? (countryByName(name)?.cca3 ?? countryByDemonym(name)?.cca3 ?? null) : null;
  }

  static learn(train: readonly HrdArticle[]): CountryNamer {
    const spellings = new Map<string, Map<string, number>>();
    for (const a of train) {
      const name = a.labels.country;
      const code = name ? countryByName(name)?.cca3 : undefined;
      if (!name || !code) continue;
      const c = spellings.get(code) ?? new Map<string, number>();
      c.set(name, (c.get(name) ?? 0) + 1);
      spellings.set(code, c);
    }
    return new CountryNamer(spellings);
  }

  /** The training split's most frequent spelling of `code`, else its common English name. */
  usual(code: string): string | null {
    const c = this.spellings.get(code);
    return c ? [...c].sort((a, b) => b[1] - a[1])[0]![0] : (countryByCode(code)?.name ?? null);
  }

  /** How to write `code` for a report whose text is `text`. */
  name(code: string, text: string): string | null {
    const usual = this.usual(code);
    const trained = [...(this.spellings.get(code)?.keys() ?? []), ...(usual ? [usual] : [])];
    // world-countries' other names only when the report uses none the annotators did ("Burma")
    return mostUsed(trained, text) ?? mostUsed(countryNames(code), text) ?? usual;
  }
}
