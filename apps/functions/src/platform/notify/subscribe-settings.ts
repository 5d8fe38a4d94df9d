import { NOTICE_KINDS, type NoticeKind, RECURRING_NOTICE_KINDS, type SubscribeMode } from '@chuangxing/shared';
import { defaultKeywords, type KeywordMap, keywordMapProblems } from './notice-templates';

/** One kind's template in this environment. */
export interface KindSetting {
  kind: NoticeKind;
  templateId: string;
  /** slot → keyword, every slot present. */
  keywords: KeywordMap;
  mode: SubscribeMode;
}

/** The environment's templates, as configured (CX_WECHAT_TEMPLATES, see platform/config). */
export type TemplateConfig = Record<string, { id: string; keys?: Record<string, string> }>;

export interface SubscribeSettings {
  of(kind: NoticeKind): KindSetting | undefined;
  byTemplate(templateId: string): KindSetting | undefined;
  /** How a kind's consent works here, whether or not it has a template. */
  modeOf(kind: NoticeKind): SubscribeMode;
}

export class SubscribeConfigError extends Error {}

/**
 * Checks the configured templates once, at cold start: kinds must exist, a template serves one kind only
 * (WeChat counts consent per template, the server per kind), and a keyword map must fit the kind's slots.
 * With `longTerm` the recurring kinds (daily reminder, 督办) use 长期订阅消息 and stop counting consents.
 */
export function subscribeSettings(config: TemplateConfig, longTerm: boolean): SubscribeSettings {
  const problems: string[] = [];
  const byKind = new Map<NoticeKind, KindSetting>();
  const byTemplate = new Map<string, KindSetting>();
  const modeOf = (kind: NoticeKind): SubscribeMode => (longTerm && RECURRING_NOTICE_KINDS.includes(kind) ? 'long_term' : 'once');
  for (const [name, entry] of Object.entries(config)) {
    if (!(NOTICE_KINDS as readonly string[]).includes(name)) {
      problems.push(`unknown notice kind "${name}" (kinds: ${NOTICE_KINDS.join(', ')})`);
      continue;
    }
    const kind = name as NoticeKind;
    if (!entry.id) continue;
    const keys = entry.keys ?? {};
    problems.push(...keywordMapProblems(kind, keys));
    const other = byTemplate.get(entry.id);
    if (other) problems.push(`template ${entry.id} is configured for both ${other.kind} and ${kind}`);
    const setting: KindSetting = { kind, templateId: entry.id, keywords: { ...defaultKeywords(kind), ...keys }, mode: modeOf(kind) };
    byKind.set(kind, setting);
    byTemplate.set(entry.id, setting);
  }
  if (problems.length) throw new SubscribeConfigError(`invalid subscribe-message templates: ${problems.join('; ')}`);
  return {
    of: (kind) => byKind.get(kind),
    byTemplate: (id) => byTemplate.get(id),
    modeOf,
  };
}
