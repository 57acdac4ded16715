import { nodeUnhandledRejectionsMode } from './process-errors.integration';

describe('nodeUnhandledRejectionsMode', () => {
  it.each([
    [[], '', 'strict'],
    [['--unhandled-rejections=throw'], '', 'strict'],
    [['--unhandled-rejections=strict'], '', 'strict'],
    [['--unhandled-rejections=warn'], '', 'warn'],
    [['--unhandled-rejections', 'warn-with-error-code'], '', 'warn'],
    [[], '--max-old-space-size=512 --unhandled-rejections=none', 'none'],
    // The command line comes after NODE_OPTIONS, so it wins.
    [['--unhandled-rejections=throw'], '--unhandled-rejections=warn', 'strict'],
  ])('execArgv %j, NODE_OPTIONS %j -> %s', (execArgv, nodeOptions, mode) => {
    expect(nodeUnhandledRejectionsMode(execArgv, nodeOptions)).toBe(mode);
  });
});
