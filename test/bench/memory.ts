import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

setFlagsFromString('--expose-gc');
/** A full collection, so heap readings measure what is retained, not garbage. */
const collect = runInNewContext('gc') as () => void;

export function retainedHeapBytes(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
