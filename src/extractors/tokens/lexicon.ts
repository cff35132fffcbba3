/**
 * Word lists the tokenizer and sentence splitter consult. Kept apart from the rules so they can
 * grow without touching code. All lookups are lower-cased.
 */

/** Abbreviations that keep their period as part of the token ("Dec. 7", "Gen. Prayuth"). */
export const ABBREVIATIONS = new Set(
  (
    'mr mrs ms messrs dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev fr hon pres supt insp det ' +
    'st jr sr ave blvd rd mt ft hwy no nos vol vols pp pg ch sec art fig figs approx est dept univ assn assoc ' +
    'inc corp ltd co bros llc plc pty intl natl govt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'vs etc al cf ca viz ibid op ed eds trans min max tel ext mgr'
  ).split(' '),
);

/** Abbreviations that, with their period, often end a sentence ("…based in the U.S. The …"). */
export const SENTENCE_FINAL_ABBREVIATIONS = new Set('etc inc corp ltd co jr sr llc plc bros al u.s u.k u.n a.m p.m d.c'.split(' '));

/** Titles before a name: a following capitalised word never starts a new sentence after these. */
export const TITLE_ABBREVIATIONS = new Set('mr mrs ms messrs dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev fr hon pres supt insp det st'.split(' '));

/** Months and days: "Dec. 7" continues the sentence; a following number is never a new one. */
export const DATE_ABBREVIATIONS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun no nos vol pp'.split(' '));

/**
 * Prefixes that stay joined to the word after a hyphen, as UD English EWT writes them
 * ("e-mail", "non-violent", "pre-trial"); other letter-hyphen-letter words split ("15-year" → 15 - year).
 */
export const HYPHEN_PREFIXES = new Set('e non pre post co pro ex multi mid re anti semi over under inter intra counter self cross neo'.split(' '));

/** Words written as one but split for syntax, UD style: "cannot" → can|not, "gonna" → gon|na. */
export const SPLIT_WORDS: Record<string, number> = { cannot: 3, gonna: 3, wanna: 3, gotta: 3, dunno: 2, gimme: 3, lemme: 3 };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(SPLIT_WORDS, null);
