import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldProblem } from '../../src/components/field-problem';

describe('FieldProblem', () => {
  it('shows the problem in the field’s error style, with an extra hook', () => {
    const { container } = render(<FieldProblem text="请输入名称" className="cx-name-problem" />);
    const shown = container.querySelector('.cx-field__error');
    expect(shown?.textContent).toBe('请输入名称');
    expect(shown?.classList.contains('cx-name-problem')).toBe(true);
  });

  it('renders nothing without a problem', () => {
    expect(render(<FieldProblem />).container.innerHTML).toBe('');
    expect(render(<FieldProblem text="" />).container.innerHTML).toBe('');
  });
});
