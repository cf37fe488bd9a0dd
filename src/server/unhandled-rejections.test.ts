import { describe, expect, it } from 'vitest';
import { survivingConnectionLoss } from './unhandled-rejections.js';

describe('unhandled rejections', () => {
  it('are logged and survived when the database connection was lost', () => {
    const warnings: string[] = [];
    const handle = survivingConnectionLoss({ warn: (_obj, msg) => warnings.push(msg) });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      severity: 'FATAL',
    });
    expect(() => handle(terminated)).not.toThrow();
    expect(warnings).toHaveLength(1);
  });

  it('still end the process for anything else', () => {
    const handle = survivingConnectionLoss({ warn: () => {} });
    const bug = new TypeError('x is not a function');
    expect(() => handle(bug)).toThrow(bug);
  });
});
