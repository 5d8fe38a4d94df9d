import { describe, expect, it } from 'vitest';
import { serverProblems } from '../../src/services/server-problems';

const body = (...details: [path: string, message: string][]) => ({
  code: 'VALIDATION_FAILED',
  message: '请检查输入',
  details: details.map(([path, message]) => ({ path, code: 'invalid', message })),
});

describe('serverProblems', () => {
  it('puts each detail next to its field, the first message per field, with or without "body."', () => {
    const problems = serverProblems(
      body(['body.inviteeName', '请输入姓名'], ['scope.townshipIds.0', '请选择乡镇'], ['scope.level', '范围不对']),
      ['inviteeName', 'role', 'scope'],
      '请检查输入',
    );
    expect(problems).toEqual({ inviteeName: '请输入姓名', scope: '请选择乡镇' });
  });

  it('a field does not take a path that only starts with its name', () => {
    expect(serverProblems(body(['dayCount', '不对']), ['day'], '请检查输入')).toEqual({ form: '请检查输入' });
  });

  it('maps paths with a function; undefined drops a detail', () => {
    const rowOf = (path: string) => (path.startsWith('items.') ? `row.${path.split('.')[1]}` : undefined);
    expect(serverProblems(body(['body.items.2.text', '太长了'], ['body.unknown', '?']), rowOf, '请检查输入')).toEqual({
      'row.2': '太长了',
    });
  });

  it('without a detail on a field: the server’s message under form', () => {
    expect(serverProblems(body(['other', '不对']), ['name'], '请检查输入')).toEqual({ form: '请检查输入' });
    expect(serverProblems({ code: 'RATE_LIMITED', message: '今天已写满 5 封' }, ['text'], '今天已写满 5 封')).toEqual({
      form: '今天已写满 5 封',
    });
    expect(serverProblems(undefined, ['text'], '网络连接失败，请检查网络后重试')).toEqual({ form: '网络连接失败，请检查网络后重试' });
  });
});
