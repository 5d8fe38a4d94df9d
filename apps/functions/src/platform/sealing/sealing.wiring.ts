import type { Wiring } from '../wiring';
import { createSealer } from './create-sealer';
import type { Sealer } from './sealer';

export const sealer = (w: Pick<Wiring, 'config' | 'secrets' | 'once'>): Sealer =>
  w.once('sealer', () => createSealer(w.config, w.secrets.tokenSigningKey));
