import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RiskReport } from './risk-corpus.js';
import type { PersonExample } from './risk-fit.js';
import { choosePolicy } from './train-risk.js';

// Invented examples, no reading: 200 reports about an attack with one person at risk each, and 50
// unrelated ones, each naming one person something befell who is not at risk.
const reports: RiskReport[] = [
  ...Array.from({ length: 200 }, (_, i): RiskReport => ({ id: `inv:${i}`, source: 'invented', text: '', relevant: true, victims: [] })),
  ...Array.from({ length: 50 }, (_, i): RiskReport => ({ id: `pn:${i}`, source: 'polnear', text: '', relevant: false, victims: [] })),
];
const person = (report: number, yes: boolean): PersonExample & { yes: boolean } => ({
  report,
  entity: { id: `P${report}`, type: 'PERSON', name: `Ansel Vorkat${String.fromCharCode(97 + (report % 26))}`, mentions: [] },
  atRisk: yes,
  types: [],
  feats: [],
  target: true,
  yes,
});
const persons = reports.map((_, i) => person(i, i < 200));

test('a policy is chosen only among weights that meet every bound; with none, the trainer refuses to write a model', () => {
  const quiet = () => {};
  const relevance = reports.map(() => 0.9);
  // one unrelated report's person outscores everyone at risk: the cut that keeps precision opens a
  // case in one unrelated report of fifty, over the bound of one in a hundred, at every weight
  const bad = persons.map((p) => (p.yes ? 0.95 : p.report === 200 ? 0.96 : 0.1));
  assert.throws(() => choosePolicy(reports, persons, bad, relevance, quiet), /no relevance weight meets the policy's bounds/);
  // with that person read as not at risk, a policy is chosen, its cut between the two kinds
  const good = persons.map((p) => (p.yes ? 0.95 : 0.1));
  const chosen = choosePolicy(reports, persons, good, relevance, quiet);
  assert.ok(chosen.caseThreshold > 0.1 && chosen.caseThreshold <= 0.95, JSON.stringify(chosen));
});
