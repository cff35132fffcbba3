import type { Migration } from 'kysely';
import type { Engine } from '../engine.js';
import { initial } from './001-initial.js';
import { review } from './002-review.js';
import { casework } from './003-casework.js';
import { bundles } from './004-bundles.js';
import { caseTruth } from './005-case-truth.js';
import { access } from './006-access.js';
import { casePolicy } from './007-case-policy.js';
import { scaleIndexes } from './008-scale-indexes.js';
import { facetIndexes } from './009-facet-indexes.js';
import { nameLookups } from './010-name-lookups.js';
import { compressedExtractions } from './011-compressed-extractions.js';
import { accessGeneration } from './012-access-generation.js';
import { reportOrder } from './013-report-order.js';
import { nameSearch } from './014-name-search.js';
import { reportNameChecks } from './015-report-name-checks.js';
import { loginFailures } from './016-login-failures.js';
import { countryPeople } from './017-country-people.js';
import { aliasPrefixes } from './018-alias-prefixes.js';
import { personSearch } from './019-person-search.js';
import { reviewDue } from './020-review-due.js';
import { alertRaising } from './021-alert-raising.js';

/** Versioned migrations, applied in name order; never edit one that has shipped, add the next. */
export function MIGRATIONS(engine: Engine): Record<string, Migration> {
  return { '001-initial': initial(engine), '002-review': review(), '003-casework': casework(), '004-bundles': bundles(), '005-case-truth': caseTruth(), '006-access': access(), '007-case-policy': casePolicy(), '008-scale-indexes': scaleIndexes(engine), '009-facet-indexes': facetIndexes(engine), '010-name-lookups': nameLookups(engine), '011-compressed-extractions': compressedExtractions(engine), '012-access-generation': accessGeneration(engine), '013-report-order': reportOrder(), '014-name-search': nameSearch(engine), '015-report-name-checks': reportNameChecks(engine), '016-login-failures': loginFailures(), '017-country-people': countryPeople(engine), '018-alias-prefixes': aliasPrefixes(engine), '019-person-search': personSearch(engine), '020-review-due': reviewDue(engine), '021-alert-raising': alertRaising() };
}
