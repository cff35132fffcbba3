import { readFileSync } from 'node:fs';
import { locate } from '../../corpora/locate.js';
import { readWikiEvents } from '../../corpora/readers/wikievents.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { Doc } from '../../text/doc.js';
import type { EventType, RoleName } from '../../text/types.js';
import { pct } from '../report.js';
import type { Row } from '../report.js';
import type { EvalTask } from './task.js';

/**
 * WikiEvents (KAIROS) dev, on the four types that are ours: ArrestJailDetain → ARREST,
 * ChargeIndict → CHARGE, ThreatenCoerce → THREAT, ReleaseParole → RELEASE. The text is the
 * dataset's tokens joined by spaces, so token offsets map exactly. Trigger identification and
 * classification count a prediction when its tokens equal the gold trigger's (and, leniently,
 * when they overlap); an argument counts when its event's trigger matched, its role maps to the
 * gold role, and its words overlap the gold argument's mention (head-word style matching).
 */

const TYPES: Record<string, EventType> = {
  'Justice.ArrestJailDetain': 'ARREST',
  'Justice.ChargeIndict': 'CHARGE',
  'Contact.ThreatenCoerce': 'THREAT',
  'Justice.ReleaseParole': 'RELEASE',
};

const ROLES: Record<string, RoleName> = {
  Detainee: 'target', Jailer: 'agent', Place: 'place', Defendant: 'target', Prosecutor: 'agent', Recipient: 'target', Communicator: 'agent',
};

const f1 = (hit: number, sys: number, gold: number) => {
  const p = sys ? hit / sys : 0;
  const r = gold ? hit / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export const wikieventsTask: EvalTask = {
  name: 'wikievents',
  description: 'WikiEvents trigger and argument F1 on arrest, charge, threat and release',
  run(ctx) {
    const loc = locate('wikievents', ctx.split, ctx.dataDir);
    if (!loc.path) return { skipped: `WikiEvents ${ctx.split} not found under ${loc.dir}` };
    const docs = readWikiEvents(readFileSync(loc.path, 'utf8'));
    const pipeline = createDefaultPipeline();
    const c = { gold: 0, sys: 0, exact: 0, overlap: 0, argGold: 0, argSys: 0, argHit: 0 };
    docs.forEach((d, n) => {
      if (n % 10 === 0) ctx.progress(`document ${n + 1}/${docs.length}`);
      const starts: number[] = [];
      let text = '';
      for (const t of d.tokens) {
        if (text) text += ' ';
        starts.push(text.length);
        text += t;
      }
      const tokenOf = (offset: number) => {
        let i = starts.length - 1;
        while (i > 0 && starts[i]! > offset) i--;
        return i;
      };
      const doc = pipeline.run(new Doc(text));
      const gold = d.events.flatMap((e) => {
        const type = TYPES[e.type.split('.').slice(0, 2).join('.')];
        return type ? [{ ...e, mapped: type }] : [];
      });
      const ours = doc.events.filter((v) => Object.values(TYPES).includes(v.type));
      c.gold += gold.length;
      // an event told once per person of a list is one trigger: count each trigger, each role
      // filler and each gold event and argument once, so a list cannot score a gold event twice
      const triggers = new Set<string>();
      const fillers = new Set<string>();
      const matched = new Set<object>();
      const hit = new Set<object>();
      for (const g of gold) c.argGold += g.arguments.filter((a) => ROLES[a.role]).length;
      for (const v of ours) {
        const a = tokenOf(v.trigger.start);
        const b = tokenOf(v.trigger.end - 1) + 1;
        const key = `${v.type}:${a}:${b}`;
        const first = !triggers.has(key);
        triggers.add(key);
        if (first) c.sys++;
        for (const r of ['target', 'agent', 'place'] as RoleName[]) if (v[r]) fillers.add(`${key}:${r}:${v[r]!.start}:${v[r]!.end}`);
        const g = gold.find((x) => x.mapped === v.type && x.trigger.start < b && a < x.trigger.end);
        if (!g) continue;
        if (first && !matched.has(g)) {
          matched.add(g);
          c.overlap++;
          if (g.trigger.start === a && g.trigger.end === b) c.exact++;
        }
        for (const arg of g.arguments) {
          const role = ROLES[arg.role];
          const mention = d.entities.find((m) => m.id === arg.entityId);
          const ours = role ? v[role] : null;
          if (!role || !mention || !ours || ours.start === undefined || ours.end === undefined) continue;
          const oa = tokenOf(ours.start);
          const ob = tokenOf(ours.end - 1) + 1;
          if (oa < mention.end && mention.start < ob && !hit.has(arg)) {
            hit.add(arg);
            c.argHit++;
          }
        }
      }
      c.argSys += fillers.size;
    });
    const exact = f1(c.exact, c.sys, c.gold);
    const overlap = f1(c.overlap, c.sys, c.gold);
    const args = f1(c.argHit, c.argSys, c.argGold);
    const rows: Row[] = [
      { name: 'trigger, exact tokens', values: { P: pct(exact.p), R: pct(exact.r), F1: pct(exact.f) } },
      { name: 'trigger, overlapping tokens', values: { P: pct(overlap.p), R: pct(overlap.r), F1: pct(overlap.f) } },
      { name: 'argument (role + overlapping mention)', values: { P: pct(args.p), R: pct(args.r), F1: pct(args.f) } },
    ];
    return {
      result: {
        task: 'wikievents',
        split: ctx.split,
        corpus: `WikiEvents (${docs.length} documents, ${c.gold} gold events of our four types, ${c.argGold} of their arguments)`,
        data: loc.path,
        tables: [{ title: 'WikiEvents: ArrestJailDetain, ChargeIndict, ThreatenCoerce, ReleaseParole', columns: ['P', 'R', 'F1'], rows }],
        notes: ['no publication date is given, so dates are not scored here', 'a small sample: read the F1 with its counts in mind'],
      },
    };
  },
};
