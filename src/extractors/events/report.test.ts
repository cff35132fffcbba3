import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Doc } from '../../text/doc.js';
import type { Role, VigilEvent } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';

// Issue #6's acceptance check on the real report in ../shared/corpus/news (read, never copied):
// the deportation, the arrest in Bangkok on 2018-12-07, the asylum attempt, the extradition
// request, the accusation, the disappearance and the negated charge, with roles and dates.
const REPORT = fileURLToPath(new URL('../../../../shared/corpus/news/rfa-2018-12-12-deportation.txt', import.meta.url));

test('the RFA deportation report yields its seven events with roles and dates', { skip: !existsSync(REPORT) && 'shared/corpus/news is absent' }, () => {
  const doc = createDefaultPipeline().run(new Doc(readFileSync(REPORT, 'utf8'), { published: '2018-12-12' }));
  const name = (r: Role | null): string | undefined => doc.entities.find((e) => e.id === r?.entity)?.name;
  const find = (type: string, extra: (v: VigilEvent) => boolean = () => true): VigilEvent => {
    const v = doc.events.find((x) => x.type === type && extra(x));
    assert.ok(v, `no ${type} among ${JSON.stringify(doc.events.map((x) => [x.type, x.trigger.text]))}`);
    return v;
  };
  const mony = 'Rath Rott Mony';

  const deportation = find('DEPORTATION');
  assert.deepEqual([name(deportation.target), name(deportation.agent), name(deportation.destination)], [mony, 'Thailand', 'Cambodia']);
  assert.deepEqual([deportation.date?.value, deportation.date?.anchor, deportation.modality], ['2018-12-12', 'publication', 'asserted']);

  const arrest = find('ARREST');
  assert.deepEqual([name(arrest.target), arrest.agent?.text, name(arrest.place), arrest.principal?.text], [mony, 'Thai police', 'Bangkok', 'Cambodia’s government']);
  assert.deepEqual([arrest.date?.value, arrest.date?.anchor], ['2018-12-07', 'stated']);

  const asylum = find('ASYLUM_REQUEST');
  assert.deepEqual([name(asylum.target), name(asylum.place), asylum.date?.value], [mony, 'Bangkok', '2018-12-07']);

  const request = find('EXTRADITION_REQUEST');
  assert.deepEqual([name(request.target), name(request.origin), name(request.destination)], [mony, 'Thailand', 'Cambodia']);
  assert.equal(request.modality, 'reported');
  assert.match(request.speaker?.text ?? '', /Sar Kheng/);

  const accusation = find('ACCUSATION', (v) => name(v.agent) === 'Khieu Sopheak');
  assert.deepEqual([name(accusation.target), accusation.date?.value], [mony, '2018-12-10']);

  const disappearance = find('DISAPPEARANCE');
  assert.equal(name(disappearance.target), mony);

  const charge = find('CHARGE');
  assert.equal(charge.modality, 'negated');
});
