/** Builds the data set named in EmulatorOptions.dataset. */
import { demoDataset } from './demo';
import type { EmulatorData } from './model';
import { scaleDataset } from './scale';

export function buildDataset(name: 'demo' | 'scale', now: number, projectId: string, region: string): EmulatorData {
  switch (name) {
    case 'demo':
      return demoDataset(now, projectId, region);
    case 'scale':
      return scaleDataset(now, projectId, region);
    default:
      throw new Error(`Unknown data set "${String(name)}"; expected demo or scale.`);
  }
}
