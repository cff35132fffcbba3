export type { Component } from './component.js';
export { Registry, registry } from './registry.js';
export type { ComponentConfigs, ComponentName } from './registry.js';
export { Pipeline } from './runner.js';
export type { PipelineOptions } from './runner.js';
export { Trace } from './trace.js';
export type { TraceEntry } from './trace.js';
