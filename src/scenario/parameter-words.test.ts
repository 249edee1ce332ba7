import { describe, expect, it } from 'vitest';
import { inSentence, joinLabels } from './parameter-words';

describe('labels in words', () => {
  it('read inside a sentence with their acronyms kept: "Save JCPOA talks: … as PNG", not "jcpoa"', () => {
    expect(inSentence('JCPOA talks: futures with the talks alive')).toBe('JCPOA talks: futures with the talks alive');
    expect(inSentence('US strikes')).toBe('US strikes');
    expect(inSentence('Escalation: the range of futures')).toBe('escalation: the range of futures');
    expect(inSentence('Final rung of the ladder')).toBe('final rung of the ladder');
    // Only the first letter changes: later acronyms and names stay as they are.
    expect(inSentence('Talks alive with the IAEA in Iran')).toBe('talks alive with the IAEA in Iran');
    expect(inSentence('A')).toBe('a');
  });

  it('join a label to a part of it without saying a word twice', () => {
    expect(joinLabels('JCPOA talks', 'talks pause')).toBe('JCPOA talks pause');
    expect(joinLabels('Militia capability', 'drift rate')).toBe('Militia capability: drift rate');
  });
});
