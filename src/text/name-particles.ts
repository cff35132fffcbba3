/** The markers of a patronymic in Azerbaijani, Turkic and Central Asian names ("Elnur Rasim oğlu Hasanli": Rasim's son). */
export const PATRONYMIC_MARKERS: ReadonlySet<string> = new Set(['oğlu', 'oglu', 'ogly', 'qızı', 'qizi', 'gizi', 'kyzy', 'kizi', 'uulu', 'ugli']);

/**
 * Lower-case words that join a person's name ("bin Salman", "al-Hathloul", "Maria da Silva", the
 * patronymic markers of "Elnur Rasim oğlu Hasanli"): not a name of their own, spelled and dropped
 * differently from one outlet to another.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'bint', 'ben', 'de', 'da', 'di', 'del', 'della', 'du', 'van', 'von', 'der', 'den', 'le', 'la', 'dos', 'das', ...PATRONYMIC_MARKERS]);
