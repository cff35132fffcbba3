import type { Component } from '../../pipeline/component.js';
import type { Doc, LayerName } from '../../text/doc.js';
import type { Entity } from '../../text/types.js';

/**
 * What the components that rework the entity layer after the recogniser share (date trimming,
 * aliases, places): each is a function from the doc to a new entity list, and the list is
 * numbered by first mention so ids read in text order whichever component ran last.
 */

/** Sorts entities by their first mention and numbers them e1, e2, … in that order. */
export function numberByFirstMention(entities: Entity[]): Entity[] {
  entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  entities.forEach((e, i) => (e.id = `e${i + 1}`));
  return entities;
}

/** A component that replaces `doc.entities` with what `rewrite` returns. */
export function entityRewriter(name: string, requires: readonly LayerName[], rewrite: (doc: Doc) => Entity[]): Component {
  return {
    name,
    requires,
    assigns: ['entities'],
    process(doc: Doc): Doc {
      doc.entities = rewrite(doc);
      return doc;
    },
  };
}
