import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../lib/context';
import { synthApp } from './helpers';

const ctx = (values: Record<string, unknown>) => ({ tryGetContext: (k: string) => values[k] });

describe('context', () => {
  it('has defaults for everything but the region', () => {
    expect(readSettings(ctx({}), 'cn-north-1')).toEqual({
      region: 'cn-north-1',
      stackPrefix: 'Chuangxing',
      corsOrigins: [],
      wechatAppId: '',
      districtId: 'erqi',
    });
  });

  it('parses a comma list or an array of origins, and the other values', () => {
    const s = readSettings(
      ctx({
        corsOrigins: ' https://a.example.cn ,https://b.example.cn,',
        wechatAppId: 'wxabc',
        districtId: 'd2',
        stackPrefix: 'Cx',
        region: 'cn-northwest-1',
      }),
      'us-east-1',
    );
    expect(s).toEqual({
      region: 'cn-northwest-1',
      stackPrefix: 'Cx',
      corsOrigins: ['https://a.example.cn', 'https://b.example.cn'],
      wechatAppId: 'wxabc',
      districtId: 'd2',
    });
    expect(readSettings(ctx({ corsOrigins: ['https://a.example.cn'] }), 'x').corsOrigins).toEqual(['https://a.example.cn']);
  });

  it('rejects origins with a path and a missing region', () => {
    expect(() => readSettings(ctx({ corsOrigins: 'https://a.example.cn/' }), 'cn-north-1')).toThrow(/corsOrigins/);
    expect(() => readSettings(ctx({}), undefined)).toThrow(/region/);
  });
});

describe('partitions', () => {
  const json = (synth: ReturnType<typeof synthApp>) => JSON.stringify([synth.statefulTemplate.toJSON(), synth.statelessTemplate.toJSON()]);
  const commercial = synthApp({ region: 'ap-east-1', stackPrefix: 'CxTest' });

  it('uses aws-cn ARNs and the URL suffix pseudo parameter in an AWS China region', () => {
    const cn = json(synthApp({ region: 'cn-northwest-1' }));
    expect(cn).not.toContain('arn:aws:');
    expect(cn).toContain('arn:aws-cn:');
    // execute-api hosts end in amazonaws.com.cn there; the URL must not hard-code amazonaws.com.
    expect(cn).toContain('AWS::URLSuffix');
    expect(cn).not.toContain('execute-api.cn-northwest-1.amazonaws.com"');
  });

  it('uses aws ARNs in a commercial region', () => {
    const global = json(commercial);
    expect(global).not.toContain('arn:aws-cn:');
    expect(global).toContain('arn:aws:');
  });

  it('no infra source hard-codes a partition', () => {
    for (const dir of ['bin', 'lib']) {
      for (const file of readdirSync(new URL(`../${dir}/`, import.meta.url))) {
        const code = readFileSync(new URL(`../${dir}/${file}`, import.meta.url), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line));
        expect(code.join('\n'), `${dir}/${file}`).not.toMatch(/arn:aws|amazonaws\.com/);
      }
    }
  });

  it('names both stacks from the prefix', () => {
    const { stateful, stateless } = commercial;
    expect([stateful.stackName, stateless.stackName]).toEqual(['CxTest-Stateful', 'CxTest-Stateless']);
  });
});
