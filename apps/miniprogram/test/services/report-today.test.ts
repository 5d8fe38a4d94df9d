import { describe, expect, it } from 'vitest';
import { todayStatusOf } from '../../src/services/report-today';
import { makeReport } from '../support/factories';

const DAY = '2026-03-10';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`).getTime();

describe('home: today’s report status', () => {
  it('未报 with the deadline, before and after it', () => {
    expect(todayStatusOf(DAY, { report: null, deadline: '22:00' }, undefined, at('18:00'))).toEqual({
      text: '今日未报 · 22:00 截止',
      tone: 'due',
    });
    expect(todayStatusOf(DAY, { report: null, deadline: '22:00' }, undefined, at('22:01'))).toEqual({
      text: '今日未报 · 已过 22:00 截止，现在提交记为迟交',
      tone: 'overdue',
    });
  });

  it('已报 with the version (and 迟交); the newer of the server’s and the device’s report wins', () => {
    const v2 = makeReport({ day: DAY, version: 2 });
    expect(todayStatusOf(DAY, { report: v2, deadline: '22:00' }, undefined, at('18:00'))).toEqual({
      text: '今日已报 · 第 2 版',
      tone: 'filed',
    });
    const late = makeReport({ day: DAY, version: 1, status: 'late' });
    expect(todayStatusOf(DAY, { report: late }, undefined, at('23:00')).text).toBe('今日已报（迟交） · 第 1 版');
    // The device just sent version 3; the server answered with version 2 before that.
    const v3 = makeReport({ day: DAY, version: 3 });
    expect(todayStatusOf(DAY, { report: v2 }, { kind: 'sent', report: v3 }, at('18:00')).text).toBe('今日已报 · 第 3 版');
    // Not known from the server (offline), but sent from here.
    expect(todayStatusOf(DAY, {}, { kind: 'sent', report: v2 }, at('18:00')).text).toBe('今日已报 · 第 2 版');
  });

  it('the device’s queue comes first: 待发送 / 发送中, even when the server has an older version', () => {
    const v1 = makeReport({ day: DAY, version: 1 });
    expect(todayStatusOf(DAY, { report: v1 }, { kind: 'pending' }, at('18:00'))).toEqual({
      text: '今日日报待发送 · 联网后自动发送',
      tone: 'pending',
    });
    expect(todayStatusOf(DAY, { report: null }, { kind: 'sending' }, at('18:00')).text).toBe('今日日报发送中…');
  });

  it('offline with nothing on the device: it does not claim 未报', () => {
    expect(todayStatusOf(DAY, { deadline: '21:00' }, undefined, at('18:00')).text).toBe('今日日报 · 21:00 截止');
    expect(todayStatusOf(DAY, {}, undefined, at('18:00')).text).toBe('今日日报');
  });
});
