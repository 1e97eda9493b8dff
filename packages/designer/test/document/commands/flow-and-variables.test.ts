import { describe, expect, it } from 'vitest';
import { removeVariable, setVariable, updateFlow } from '../../../src/document/commands/index.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('updateFlow', () => {
  it('changes the name and description', () => {
    // when the flow is renamed
    checkCommand(smallFlow(), updateFlow({ name: { en: 'Approval', zh: '审批' }, description: { en: 'Why' } }), (after) => {
      // then it has the new name
      expect(after.name).toEqual({ en: 'Approval', zh: '审批' });
      expect(after.description).toEqual({ en: 'Why' });
    });
  });
});

describe('setVariable', () => {
  it('adds a variable', () => {
    // when a number variable is added
    checkCommand(smallFlow(), setVariable('amount', { type: 'money' }), (after) => {
      // then the data schema has it
      expect(after.data.amount).toEqual({ type: 'money' });
    });
  });

  it('renames a variable in place', () => {
    // when approved is renamed to ok
    checkCommand(smallFlow(), setVariable('ok', { type: 'boolean' }, 'approved'), (after) => {
      // then the order of variables is kept and the old name is gone
      expect(Object.keys(after.data)).toEqual(['customer', 'ok']);
    });
  });
});

describe('removeVariable', () => {
  it('removes a variable', () => {
    // when approved is removed
    checkCommand(smallFlow(), removeVariable('approved'), (after) => {
      // then it is gone
      expect(Object.keys(after.data)).toEqual(['customer']);
    });
  });
});
