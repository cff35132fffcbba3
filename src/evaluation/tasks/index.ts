import { corefTask } from './coref.js';
import { feedTask } from './feed.js';
import { hrdsattackTask } from './hrdsattack.js';
import { hrdsattackCvTask } from './hrdsattack-cv.js';
import { modalityTask } from './modality.js';
import { mergesTask } from './merges.js';
import { nerTask } from './ner.js';
import { sentencesTask } from './sentences.js';
import { parserTask, posTask } from './syntax.js';
import type { EvalTask } from './task.js';
import { quotesTask } from './quotes.js';
import { riskTask } from './risk.js';
import { targetsTask } from './targets.js';
import { timexTask } from './timex.js';
import { voaEventsTask } from './voa-events.js';
import { wikieventsTask } from './wikievents.js';

/** Every evaluation task, by the name `npm run eval -- <task>` takes. */
export const TASKS: EvalTask[] = [
  sentencesTask,
  posTask,
  parserTask,
  nerTask,
  timexTask,
  quotesTask,
  corefTask,
  hrdsattackTask,
  hrdsattackCvTask,
  wikieventsTask,
  voaEventsTask,
  riskTask,
  targetsTask,
  modalityTask,
  mergesTask,
  feedTask,
];

export function findTask(name: string): EvalTask | undefined {
  return TASKS.find((t) => t.name === name);
}
