import { VigilError } from '../core/errors.js';
import type { Component } from './component.js';

/**
 * The config each registered component takes, by name. Extractor modules add their entry by
 * declaration merging, so `registry.create('tokenizer', {...})` is type-checked against the
 * tokenizer's own config (spaCy's registry of factories, with TypeScript doing the validation).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ComponentConfigs {}

export type ComponentName = keyof ComponentConfigs & string;
type Factory<K extends ComponentName> = (config: ComponentConfigs[K]) => Component;

export class Registry {
  private readonly factories = new Map<string, (config: never) => Component>();

  register<K extends ComponentName>(name: K, factory: Factory<K>): void {
    if (this.factories.has(name)) throw new VigilError('unknown_component', `component "${name}" is registered twice`);
    this.factories.set(name, factory as (config: never) => Component);
  }

  has(name: string): name is ComponentName {
    return this.factories.has(name);
  }

  names(): string[] {
    return [...this.factories.keys()].sort();
  }

  create<K extends ComponentName>(name: K, config: ComponentConfigs[K]): Component {
    const factory = this.factories.get(name) as Factory<K> | undefined;
    if (!factory) throw new VigilError('unknown_component', `no component "${name}"; known: ${this.names().join(', ') || 'none'}`);
    const component = factory(config);
    if (component.name !== name) throw new VigilError('unknown_component', `factory "${name}" built a component named "${component.name}"`);
    return component;
  }
}

/** The registry the built-in extractors register themselves in. */
export const registry = new Registry();
