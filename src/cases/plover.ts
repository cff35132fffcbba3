import type { EventType } from '../text/types.js';

/** ../shared/spec/ONTOLOGY.md's PLOVER column: category and mode for every event type. */
export const PLOVER: Record<EventType, { event_type: string; mode?: string }> = {
  ARREST: { event_type: 'COERCE', mode: 'arrest' },
  DEPORTATION: { event_type: 'COERCE', mode: 'deport' },
  EXTRADITION_REQUEST: { event_type: 'DEMAND' },
  EXTRADITION: { event_type: 'COOPERATE' },
  ACCUSATION: { event_type: 'ACCUSE' },
  CHARGE: { event_type: 'ACCUSE' },
  TRIAL: { event_type: 'ACCUSE' },
  CONVICTION: { event_type: 'COERCE', mode: 'arrest' },
  RELEASE: { event_type: 'RETREAT', mode: 'release' },
  DISAPPEARANCE: { event_type: 'ASSAULT', mode: 'abduct' },
  ABDUCTION: { event_type: 'ASSAULT', mode: 'abduct' },
  THREAT: { event_type: 'THREATEN' },
  ASSAULT: { event_type: 'ASSAULT', mode: 'beat' },
  TORTURE: { event_type: 'ASSAULT', mode: 'torture' },
  KILLING: { event_type: 'ASSAULT', mode: 'kill' },
  ASYLUM_REQUEST: { event_type: 'DEMAND' },
  RESTRICTION: { event_type: 'COERCE', mode: 'restrict' },
};
