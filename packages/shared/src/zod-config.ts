// WeChat forbids eval/new Function, and zod 4 probes for a JIT unless told not to. Every schema module
// imports this file first, so the setting is in place before any schema exists.
// Schema modules use `import * as z from 'zod/mini'` directly: re-exporting `z` as a value would make
// bundlers keep the whole namespace (250 KB of locales included).
import { config } from 'zod/mini';

config({ jitless: true });
