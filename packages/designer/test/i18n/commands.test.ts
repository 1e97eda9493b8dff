import { describe, expect, it } from 'vitest';
import { commandLabel } from '../../src/i18n/commands.js';
import { translator } from '../../src/i18n/index.js';

describe('undo step names in the UI language', () => {
  const zh = translator('zh');
  it('names steps in Chinese, counts and kinds included', () => {
    expect(commandLabel('Auto-layout', 'zh', zh)).toBe('自动布局');
    expect(commandLabel('Move 3 steps', 'zh', zh)).toBe('移动 3 个步骤');
    expect(commandLabel('Add decision', 'zh', zh)).toBe('添加判断');
    expect(commandLabel('Set field access', 'zh', zh)).toBe('设置字段权限');
  });
  it('leaves English, unknown names and no name as they are', () => {
    expect(commandLabel('Auto-layout', 'en', translator('en'))).toBe('Auto-layout');
    expect(commandLabel('Something new', 'zh', zh)).toBe('Something new');
    expect(commandLabel(undefined, 'zh', zh)).toBeUndefined();
  });
});
