// WeChat forbids eval/new Function, and zod 4 probes for a JIT unless told not to.
// Every schema module imports z from here so the config runs before any schema exists.
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };
