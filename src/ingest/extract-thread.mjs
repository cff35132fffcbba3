// The extraction thread's entry: TypeScript through tsx, as bin/vigil.js runs the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./extract-thread.ts');
