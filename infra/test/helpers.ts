import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createStacks } from '../lib/chuangxing-app';
import { readSettings } from '../lib/context';

/** The feature flags and defaults from cdk.json, so tests see what `npm run synth` produces. */
export const cdkJsonContext: Record<string, unknown> = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')).context;

/**
 * Builds the real app (the same createStacks as bin/app.ts) with `aws:cdk:bundling-stacks: []`,
 * so NodejsFunction skips esbuild and a synth takes about a second.
 */
export function synthApp(context: Record<string, unknown> = {}) {
  const app = new App({
    context: { ...cdkJsonContext, region: 'cn-north-1', ...context, 'aws:cdk:bundling-stacks': [] },
  });
  const settings = readSettings(app.node);
  const { stateful, stateless } = createStacks(app, settings);
  return {
    app,
    settings,
    stateful,
    stateless,
    statefulTemplate: Template.fromStack(stateful),
    statelessTemplate: Template.fromStack(stateless),
  };
}

type Resource = { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

/** All resources of one type, as plain objects. */
export function resourcesOf(template: Template, type: string): Resource[] {
  return Object.values(template.findResources(type)) as Resource[];
}
